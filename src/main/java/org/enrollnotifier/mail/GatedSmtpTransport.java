package org.enrollnotifier.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/**
 * The SMTP transport that writes envelopes ahead, with a gate just before the end of a message's
 * data: until the final dot the server may not keep the message, so whatever the gate waits for
 * (the previous message recorded as sent) overlaps with this message's commands and body instead
 * of preceding them.
 * A gate that throws stops the message before its end; the connection is then unusable.
 */
final class GatedSmtpTransport extends PipeliningSmtpTransport {

    private static final Runnable OPEN = () -> { };

    private Runnable gate = OPEN;

    GatedSmtpTransport(Session session) {
        super(session);
    }

    /** @param recipientOfNext the single recipient of the next message, to start it behind this one; or null */
    synchronized void send(MimeMessage message, Runnable beforeHandOver, String recipientOfNext)
            throws MessagingException {
        gate = beforeHandOver;
        try {
            sendMessage(message, message.getAllRecipients(), recipientOfNext);
        } finally {
            gate = OPEN;
        }
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        gate.run();
        super.finishData();
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        gate.run();
        super.finishBdat();
    }
}
