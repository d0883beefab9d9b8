package org.enrollnotifier.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.SmtpSecurity;

/** Sends through the configured SMTP server; each {@link #open()} is one login used for many messages. */
public final class SmtpTransport implements MailTransport {

    /**
     * Angus guards each socket write with a task on a scheduler; by default every connection has
     * its own scheduler thread, woken for every write (about an eighth of a delivery worker's CPU in
     * a profile). One shared thread does the same for all, and guards the reads as well (see
     * {@link SmtpSocket}). A tick keeps the head of its queue: a guard, due later than the
     * tick, then never becomes the head, so scheduling it does not wake the thread (with the queue
     * empty between writes, each one did: 7% of the send's CPU, measured).
     */
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final ScheduledThreadPoolExecutor IO_TIMEOUTS = timeoutScheduler();

    private final MailSettings settings;
    private final char[] password;
    private final Session session;

    /** @param password may be null or empty when the settings need no login; it is copied */
    public SmtpTransport(MailSettings settings, char[] password) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!settings.smtpConfigured()) {
            throw new IllegalArgumentException("no SMTP host is set");
        }
        this.password = password == null ? new char[0] : password.clone();
        this.session = Session.getInstance(sessionProperties(settings));
    }

    /**
     * One protocol name for all three modes: with {@code mail.smtp.ssl.enable} the smtp provider speaks
     * TLS from the first byte, so every setting lives under the same {@code mail.smtp.} prefix.
     */
    public static Properties sessionProperties(MailSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", millis(settings.connectTimeout()));
        properties.setProperty("mail.smtp.timeout", millis(settings.readTimeout()));
        properties.setProperty("mail.smtp.writetimeout", millis(settings.readTimeout()));
        properties.put("mail.smtp.executor.writetimeout", IO_TIMEOUTS);
        properties.put("mail.smtp.socketFactory", SmtpSocket.factory(IO_TIMEOUTS));
        // a refused connection must not be tried again with a plain socket
        properties.setProperty("mail.smtp.socketFactory.fallback", "false");
        if (settings.security() == SmtpSecurity.STARTTLS) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            // Without this a server that does not offer STARTTLS would get the password in clear text.
            properties.setProperty("mail.smtp.starttls.required", "true");
        } else if (settings.security() == SmtpSecurity.TLS) {
            properties.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (settings.security() != SmtpSecurity.NONE) {
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.needsLogin()));
        return properties;
    }

    private static ScheduledThreadPoolExecutor timeoutScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "smtp-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        // a guard is cancelled as soon as its read or write returns: keep the queue as small as those in progress
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.scheduleAtFixedRate(() -> { }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        return scheduler;
    }

    private static String millis(Duration timeout) {
        return Long.toString(Math.min(timeout.toMillis(), Integer.MAX_VALUE));
    }

    @Override
    public MailConnection open() throws MailFailure {
        if (settings.needsLogin() && password.length == 0) {
            throw new MailFailure(MailFailure.Kind.FATAL,
                    "The SMTP login as \"" + settings.username() + "\" needs a password", null);
        }
        GatedSmtpTransport transport = new GatedSmtpTransport(session);
        connect(transport);
        return new SmtpConnection(transport);
    }

    private void connect(Transport transport) throws MailFailure {
        try {
            if (settings.needsLogin()) {
                transport.connect(settings.host(), settings.port(), settings.username(), new String(password));
            } else {
                transport.connect(settings.host(), settings.port(), null, null);
            }
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw SmtpFailures.whileConnecting(server(), settings.username(), e);
        }
    }

    @Override
    public String describe() {
        return server() + " (" + settings.security().label() + ")";
    }

    private String server() {
        return settings.host() + ":" + settings.port();
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // The server may already have gone; there is nothing left to release or report.
        }
    }

    private final class SmtpConnection implements MailConnection {

        private final GatedSmtpTransport transport;
        private boolean mayHaveLostConnection;
        /** The message named as the next one by the last send, built then; null if none. */
        private Prepared prepared;

        SmtpConnection(GatedSmtpTransport transport) {
            this.transport = transport;
        }

        /**
         * After a failed send the server may have hung up; a worker keeps its connection for a whole
         * run, so it is checked (which costs a round trip) and opened again here rather than by every
         * caller. Not when the next message was started behind the failed one: the server answered
         * that one's end, and a check would come between the next message's commands and replies.
         */
        @Override
        public void send(OutgoingMessage message, Runnable beforeHandOver, OutgoingMessage next) throws MailFailure {
            MimeMessage mime = prepared != null && prepared.message().equals(message) ? prepared.mime()
                    : MimeMessages.build(session, message);
            prepared = null;
            if (mayHaveLostConnection && !transport.startedNext() && !transport.isConnected()) {
                closeQuietly(transport);
                connect(transport);
            }
            mayHaveLostConnection = false;
            Prepared following = prepare(next, message);
            try {
                transport.send(mime, beforeHandOver, following == null ? null : following.recipient());
            } catch (MessagingException e) {
                mayHaveLostConnection = true;
                throw SmtpFailures.whileSending(server(), e);
            } finally {
                prepared = following;
            }
        }

        /**
         * Builds the next message now, as Angus will see it, to name its envelope recipient exactly
         * as Angus will; only a message with the same sender address (so the same MAIL FROM) and a
         * single recipient goes ahead.
         */
        private Prepared prepare(OutgoingMessage next, OutgoingMessage current) {
            if (next == null || !next.fromAddress().equals(current.fromAddress())) {
                return null;
            }
            try {
                MimeMessage mime = MimeMessages.build(session, next);
                Address[] recipients = mime.getAllRecipients();
                if (recipients.length != 1 || !(recipients[0] instanceof InternetAddress recipient)) {
                    return null;
                }
                return new Prepared(next, mime, recipient.getAddress());
            } catch (MailFailure | MessagingException unbuildable) {
                // the message fails on its own turn, with its own reason
                return null;
            }
        }

        @Override
        public void close() {
            closeQuietly(transport);
        }
    }

    /** A message built ahead of its turn, with the recipient its envelope names. */
    private record Prepared(OutgoingMessage message, MimeMessage mime, String recipient) {
    }
}
