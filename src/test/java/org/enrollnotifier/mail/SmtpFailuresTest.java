package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.enrollnotifier.mail.MailFailure.Kind;
import org.junit.jupiter.api.Test;

/** Exceptions shaped like the ones Angus Mail throws, for the replies GreenMail cannot be made to send. */
class SmtpFailuresTest {

    private static final String SERVER = "smtp.example.com:587";

    @Test
    void aRejectedRecipientIsPermanentWithTheServerReplyFromTheNestedAddressFailure() throws Exception {
        MessagingException perAddress = new MessagingException("550 5.1.1 <zoe@example.com>: User unknown\r\n");
        SendFailedException failed = new SendFailedException("Invalid Addresses", perAddress, new InternetAddress[0],
                new InternetAddress[0], new InternetAddress[] {new InternetAddress("zoe@example.com")});

        MailFailure failure = SmtpFailures.whileSending(SERVER, failed);

        assertEquals(Kind.PERMANENT, failure.kind());
        assertEquals("550 5.1.1 <zoe@example.com>: User unknown", failure.reply());
    }

    @Test
    void aTemporaryReplyIsTransientAndKeepsAllItsLines() {
        MailFailure failure = SmtpFailures.whileSending(SERVER,
                new MessagingException("451-4.3.0 Mailbox busy\r\n451 4.3.0 Try again later\r\n"));

        assertEquals(Kind.TRANSIENT, failure.kind());
        assertEquals("451-4.3.0 Mailbox busy\n451 4.3.0 Try again later", failure.reply());
    }

    @Test
    void aServerThatWantsALoginWhileSendingIsFatal() {
        MailFailure failure = SmtpFailures.whileSending(SERVER,
                new MessagingException("530 5.7.0 Authentication required"));

        assertEquals(Kind.FATAL, failure.kind());
        assertTrue(failure.reply().endsWith("530 5.7.0 Authentication required"), failure.reply());
    }

    @Test
    void aTimeoutWhileSendingIsTransient() {
        MessagingException timedOut = new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out"));

        MailFailure failure = SmtpFailures.whileSending(SERVER, timedOut);

        assertEquals(Kind.TRANSIENT, failure.kind());
        assertEquals("Lost the connection to " + SERVER + ": the server did not answer in time", failure.reply());
    }

    @Test
    void anUnknownHostIsFatalInAPlainSentence() {
        MessagingException notFound = new MessagingException(
                "Couldn't connect to host, port: smtp.example.com, 587; timeout 15000",
                new UnknownHostException("smtp.example.com"));

        MailFailure failure = SmtpFailures.whileConnecting(SERVER, "", notFound);

        assertEquals(Kind.FATAL, failure.kind());
        assertEquals("Cannot connect to " + SERVER + ": the host name is unknown", failure.reply());
    }

    @Test
    void aBusyGreetingIsTransientButAnAuthenticationFailureIsFatal() {
        MailFailure busy = SmtpFailures.whileConnecting(SERVER, "", new MessagingException(
                "Got bad greeting from SMTP host: smtp.example.com, port: 587, response: 421 4.3.2 Too busy"));
        MailFailure refused = SmtpFailures.whileConnecting(SERVER, "helpdesk",
                new AuthenticationFailedException("535 5.7.8 Authentication credentials invalid"));

        assertEquals(Kind.TRANSIENT, busy.kind());
        assertEquals("421 4.3.2 Too busy", busy.reply());
        assertEquals(Kind.FATAL, refused.kind());
    }

    @Test
    void aLongReplyIsCutToAThousandCharacters() {
        MailFailure failure = SmtpFailures.whileSending(SERVER, new MessagingException("554 " + "x".repeat(5000)));

        assertEquals(Kind.PERMANENT, failure.kind());
        assertEquals(1000, failure.reply().length());
    }
}
