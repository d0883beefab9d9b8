package org.enrollnotifier.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.enrollnotifier.mail.MailFailure.Kind;

/**
 * Sorts what Jakarta Mail throws into what the deliverer must do. The implementation's exception
 * classes are not on our compile path, so the SMTP reply is read from the exception messages, which
 * carry the server's reply text ("550 5.1.1 User unknown").
 */
final class SmtpFailures {

    /** A 4xx or 5xx reply at the start of a line, or after Jakarta Mail's "response: " prefix. */
    private static final Pattern REPLY = Pattern.compile("(?m)(?:^|response: )([45])(\\d\\d)(?=[ -]|$)");
    private static final Set<String> LOGIN_REFUSED = Set.of("530", "534", "535", "538");
    private static final int MAX_REPLY_LENGTH = 1000;

    private SmtpFailures() {
    }

    static MailFailure whileConnecting(String server, String username, MessagingException failure) {
        Optional<Reply> reply = replyIn(failure);
        if (isLoginRefusal(failure, reply)) {
            return new MailFailure(Kind.FATAL, "The SMTP server " + server + " refused the login as \"" + username
                    + "\": " + reply.map(Reply::text).orElse(firstMessage(failure)), failure);
        }
        if (reply.isPresent() && reply.get().isTemporary() && connectionProblem(failure).isEmpty()) {
            return new MailFailure(Kind.TRANSIENT, reply.get().text(), failure);
        }
        String why = connectionProblem(failure).or(() -> reply.map(Reply::text)).orElse(firstMessage(failure));
        return new MailFailure(Kind.FATAL, "Cannot connect to " + server + ": " + why, failure);
    }

    static MailFailure whileSending(String server, MessagingException failure) {
        Optional<Reply> reply = replyIn(failure);
        if (isLoginRefusal(failure, reply)) {
            return new MailFailure(Kind.FATAL, "The SMTP server " + server + " requires a login: "
                    + reply.map(Reply::text).orElse(firstMessage(failure)), failure);
        }
        if (reply.isPresent()) {
            return new MailFailure(reply.get().isTemporary() ? Kind.TRANSIENT : Kind.PERMANENT, reply.get().text(),
                    failure);
        }
        String why = connectionProblem(failure).orElse(firstMessage(failure));
        return new MailFailure(Kind.TRANSIENT, "Lost the connection to " + server + ": " + why, failure);
    }

    private static boolean isLoginRefusal(MessagingException failure, Optional<Reply> reply) {
        return chain(failure).stream().anyMatch(AuthenticationFailedException.class::isInstance)
                || reply.filter(r -> LOGIN_REFUSED.contains(r.code())).isPresent();
    }

    /** The first server reply in the chain; a SendFailedException keeps the per-address replies further down. */
    private static Optional<Reply> replyIn(Throwable failure) {
        for (Throwable link : chain(failure)) {
            String message = link.getMessage();
            if (message == null) {
                continue;
            }
            Matcher matcher = REPLY.matcher(message);
            if (matcher.find()) {
                return Optional.of(new Reply(matcher.group(1) + matcher.group(2),
                        shortened(message.substring(matcher.start(1)))));
            }
        }
        return Optional.empty();
    }

    /** A plain sentence for the network or TLS problems an operator can act on. */
    private static Optional<String> connectionProblem(Throwable failure) {
        for (Throwable link : chain(failure)) {
            if (link instanceof UnknownHostException) {
                return Optional.of("the host name is unknown");
            }
            if (link instanceof ConnectException && link.getMessage() != null) {
                return Optional.of(link.getMessage().toLowerCase(Locale.ROOT));
            }
            if (link instanceof SocketTimeoutException) {
                return Optional.of("the server did not answer in time");
            }
            if (link instanceof CertificateException) {
                return Optional.of("the server's certificate is not trusted (" + link.getMessage() + ")");
            }
        }
        return chain(failure).stream().filter(SSLException.class::isInstance).findFirst()
                .map(tls -> "the TLS handshake failed (" + tls.getMessage() + ")");
    }

    private static String firstMessage(Throwable failure) {
        return chain(failure).stream().map(Throwable::getMessage).filter(m -> m != null && !m.isBlank())
                .findFirst().map(SmtpFailures::shortened).orElse(failure.getClass().getSimpleName());
    }

    /** The exception and its causes; MessagingException reports its next exception as the cause. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> links = new ArrayList<>();
        for (Throwable link = failure; link != null && !links.contains(link); link = link.getCause()) {
            links.add(link);
        }
        return links;
    }

    private static String shortened(String text) {
        String reply = text.replace("\r", "").strip();
        return reply.length() <= MAX_REPLY_LENGTH ? reply : reply.substring(0, MAX_REPLY_LENGTH - 1) + "…";
    }

    private record Reply(String code, String text) {

        boolean isTemporary() {
            return code.startsWith("4");
        }
    }
}
