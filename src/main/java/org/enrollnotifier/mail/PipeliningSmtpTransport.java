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
 * <p>
 * When the caller names the recipient of the message it will send next, with the same sender, that
 * message's envelope is written right behind this message's final dot (RFC 2920 lets a group of
 * commands follow the end of a message's data): the reply to the dot and the next envelope's
 * replies then come in one read, and a message costs one wait for the server instead of two. The
 * caller must then send exactly that message next; any other command drops the connection, so the
 * message started ahead is never completed. Angus's reset after a refused end of data is then not
 * sent: the reply to the dot ended that transaction, and a reset would end the one started ahead.
 */
class PipeliningSmtpTransport extends SMTPTransport {

    private static final String MAIL_FROM = "MAIL FROM:";
    private static final int DATA_ACCEPTED = 354;
    private static final int RESET_DONE = 250;
    private static final String END_OF_DATA = ".";

    private final Deque<String> writtenAhead = new ArrayDeque<>();
    /** The only recipient of the message being sent, if it is a plain one; null otherwise. */
    private String soleRecipient;
    /** The only recipient of the message the caller sends next, from the same sender; null if unknown. */
    private String nextRecipient;
    /** The MAIL FROM command Angus issued for the message being sent. */
    private String mailFrom;
    /** Whether the next message's envelope went out behind this message's end. */
    private boolean startedNext;
    /** Whether Angus's last command was a reset that was not sent, whose reply is made up. */
    private boolean resetNotSent;
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
        startedNext = false;
        resetNotSent = false;
        return super.protocolConnect(host, port, user, password);
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        boolean plain = addresses.length == 1 && addresses[0] instanceof InternetAddress
                && !(message instanceof SMTPMessage);
        soleRecipient = plain ? ((InternetAddress) addresses[0]).getAddress() : null;
        startedNext = false;
        try {
            super.sendMessage(message, addresses);
        } finally {
            soleRecipient = null;
            nextRecipient = null;
            if (!startedNext) {
                dropWrittenAhead();
            }
        }
    }

    /**
     * Like {@link #sendMessage}, with the next message's envelope written behind this one's end
     * when the server takes envelopes ahead (see above).
     *
     * @param recipientOfNext the single recipient of the message to be sent next with the same
     *        envelope sender, or null
     */
    synchronized void sendMessage(Message message, Address[] addresses, String recipientOfNext)
            throws MessagingException {
        nextRecipient = recipientOfNext;
        sendMessage(message, addresses);
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        if (abandoned != null) {
            throw abandoned;
        }
        if (startedNext && command.equals("RSET")) {
            // Angus resets after a refused end of data; the reply to the final dot ended that
            // transaction already, and a reset now would end the next one, started behind it
            resetNotSent = true;
            return;
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
        if (command.regionMatches(true, 0, MAIL_FROM, 0, MAIL_FROM.length())) {
            mailFrom = command;
            if (serverTakesEnvelopeAhead()) {
                writeAhead(List.of("RCPT TO:" + bracketed(soleRecipient), "DATA"));
            }
        } else if (command.equals(END_OF_DATA) && nextRecipient != null && serverTakesEnvelopeAhead()) {
            writeAhead(List.of(mailFrom, "RCPT TO:" + bracketed(nextRecipient), "DATA"));
            startedNext = true;
        }
    }

    private void writeAhead(List<String> commands) throws MessagingException {
        for (String command : commands) {
            super.sendCommand(command);
            writtenAhead.addLast(command);
        }
    }

    /** Whether the last message sent had the next one's envelope written behind its end. */
    synchronized boolean startedNext() {
        return startedNext;
    }

    /** Angus will not ask for the replies to the commands still written ahead: they are read and dropped. */
    private void dropWrittenAhead() {
        unwantedReplies += writtenAhead.size();
        writtenAhead.clear();
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (resetNotSent) {
            resetNotSent = false;
            return RESET_DONE;
        }
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
