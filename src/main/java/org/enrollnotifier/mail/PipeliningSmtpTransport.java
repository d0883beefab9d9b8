package org.enrollnotifier.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, with a message's {@code RCPT TO} and {@code DATA} written right
 * behind its {@code MAIL FROM} when the server announces PIPELINING (RFC 2920), instead of each
 * after the reply to the one before: the envelope then costs one wait for the server instead of
 * three, and one write ({@link SmtpSocket} holds the three commands until the first reply is read).
 * Angus still issues every command and reads every reply in its own order, so its handling of
 * each reply is unchanged; a command already written ahead is just not written again. When
 * Angus gives up on the message before reaching a written-ahead command (a refused sender or
 * recipient, then its RSET), that command's reply is read and dropped.
 * <p>
 * Only single-recipient messages go ahead: with one recipient, a server must refuse DATA when the
 * sender or the recipient was refused, so the message can never start while Angus means to stop it.
 */
class PipeliningSmtpTransport extends SMTPTransport {

    private static final String MAIL_FROM = "MAIL FROM:";
    private static final int DATA_ACCEPTED = 354;

    private final Deque<String> writtenAhead = new ArrayDeque<>();
    /** The only recipient of the message being sent, if it is a plain one; null otherwise. */
    private String soleRecipient;
    private int unwantedReplies;
    private MessagingException abandoned;

    PipeliningSmtpTransport(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    @Override
    protected synchronized boolean protocolConnect(String host, int port, String user, String password)
            throws MessagingException {
        writtenAhead.clear();
        unwantedReplies = 0;
        abandoned = null;
        return super.protocolConnect(host, port, user, password);
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        boolean plain = addresses.length == 1 && addresses[0] instanceof InternetAddress
                && !(message instanceof SMTPMessage);
        soleRecipient = plain ? ((InternetAddress) addresses[0]).getAddress() : null;
        try {
            super.sendMessage(message, addresses);
        } finally {
            soleRecipient = null;
            dropWrittenAhead();
        }
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        if (abandoned != null) {
            throw abandoned;
        }
        if (command.equals(writtenAhead.peekFirst())) {
            writtenAhead.removeFirst();
            return;
        }
        if (!writtenAhead.isEmpty() && !command.equals("RSET")) {
            // Angus went on with another envelope than the one written ahead: writing its commands
            // too could deliver the message twice
            abandon("Angus's SMTP commands differ from those written ahead: " + command + " instead of "
                    + writtenAhead.peekFirst());
            throw abandoned;
        }
        dropWrittenAhead();
        super.sendCommand(command);
        if (command.regionMatches(true, 0, MAIL_FROM, 0, MAIL_FROM.length()) && serverTakesEnvelopeAhead()) {
            for (String next : List.of("RCPT TO:" + bracketed(soleRecipient), "DATA")) {
                super.sendCommand(next);
                writtenAhead.addLast(next);
            }
        }
    }

    /** Angus will not ask for the replies to the commands still written ahead: they are read and dropped. */
    private void dropWrittenAhead() {
        unwantedReplies += writtenAhead.size();
        writtenAhead.clear();
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        while (unwantedReplies > 0) {
            unwantedReplies--;
            if (super.readServerResponse() == DATA_ACCEPTED) {
                abandon("The SMTP server accepted DATA after refusing the envelope");
                throw abandoned;
            }
        }
        return super.readServerResponse();
    }

    /**
     * The server may be waiting for a message Angus has given up on: only hanging up ends that
     * without sending one. From now on every command fails without being written, QUIT included,
     * and Angus closes the connection (it does without a QUIT when the cause is an IOException).
     */
    private void abandon(String problem) {
        String why = problem + "; the connection is closed so that no message goes out";
        abandoned = new MessagingException(why, new IOException(why));
    }

    /**
     * Angus then issues exactly RCPT TO and DATA: no DSN options (none are configured here) and
     * DATA rather than BDAT (no chunk size is configured).
     */
    private boolean serverTakesEnvelopeAhead() {
        return soleRecipient != null && supportsExtension("PIPELINING")
                && session.getProperty("mail.smtp.dsn.notify") == null
                && session.getProperty("mail.smtp.chunksize") == null;
    }

    /** As Angus writes an address in RCPT TO. */
    private static String bracketed(String address) {
        return address.startsWith("<") || address.endsWith(">") ? address : "<" + address + ">";
    }
}
