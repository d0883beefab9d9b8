package org.enrollnotifier.app.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.enrollnotifier.mail.MailConnection;
import org.enrollnotifier.mail.MailFailure;
import org.enrollnotifier.mail.MailTransport;
import org.enrollnotifier.mail.MimeMessages;
import org.enrollnotifier.mail.OutgoingMessage;
import org.enrollnotifier.mail.SmtpTransport;
import org.enrollnotifier.model.MailSettings;

/**
 * The naive way the benchmark compares with: {@code Transport.send} for every message, which
 * connects, greets, sends and quits each time. Same session settings as {@link SmtpTransport}.
 */
final class ConnectionPerMessage implements MailTransport {

    private final Session session;
    private final String server;

    ConnectionPerMessage(MailSettings settings) {
        this.session = Session.getInstance(SmtpTransport.sessionProperties(settings));
        this.server = settings.host() + ":" + settings.port();
    }

    @Override
    public MailConnection open() {
        return new MailConnection() {
            @Override
            public void send(OutgoingMessage message, Runnable beforeHandOver, OutgoingMessage next)
                    throws MailFailure {
                // Transport.send has no gate: the caller's work is done before the message starts
                beforeHandOver.run();
                try {
                    Transport.send(MimeMessages.create(session, message));
                } catch (MessagingException e) {
                    throw new MailFailure(MailFailure.Kind.FATAL, "Not sent naively: " + e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                // Transport.send closed its connection already
            }
        };
    }

    @Override
    public String describe() {
        return server + ", a connection per message";
    }
}
