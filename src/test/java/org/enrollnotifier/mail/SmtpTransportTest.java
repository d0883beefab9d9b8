package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.SmtpSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpTransportTest {

    private static final String LOOPBACK = "127.0.0.1";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()});

    private static MailSettings settings(int port, SmtpSecurity security, String username) {
        return new MailSettings(LOOPBACK, port, security, username, "Helpdesk", "helpdesk@example.com",
                Duration.ofSeconds(5), Duration.ofSeconds(10), 1, "https://enroll.example.com/");
    }

    private static int plainPort() {
        return greenMail.getSmtp().getPort();
    }

    @Test
    void sendsManyMessagesOverOneConnectionWithUtf8NamesAndBothAlternatives() throws Exception {
        List<OutgoingMessage> sent = new ArrayList<>();
        try (MailConnection connection = new SmtpTransport(settings(plainPort(), SmtpSecurity.NONE, ""), null)
                .open()) {
            for (int number = 1; number <= 5; number++) {
                OutgoingMessage message = TestMessages.toZoe(number);
                connection.send(message);
                sent.add(message);
            }
        }

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(5, received.length);
        for (int i = 0; i < sent.size(); i++) {
            TestMessages.assertArrivedIntact(sent.get(i), received[i]);
        }
    }

    @Test
    void theServerHasTheMessageOnlyAfterTheGateAndNeverWhenTheGateThrows() throws Exception {
        SmtpTransport transport = new SmtpTransport(settings(plainPort(), SmtpSecurity.NONE, ""), null);
        List<Integer> receivedAtTheGate = new ArrayList<>();
        try (MailConnection connection = transport.open()) {
            connection.send(TestMessages.toZoe(1), () -> receivedAtTheGate.add(greenMail.getReceivedMessages().length));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> connection.send(TestMessages.toZoe(2), () -> {
                        throw new IllegalStateException("not recorded");
                    }));
            assertEquals("not recorded", refused.getMessage());
        }
        try (MailConnection connection = transport.open()) {
            connection.send(TestMessages.toZoe(3));
        }

        assertEquals(List.of(0), receivedAtTheGate);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(List.of(TestMessages.toZoe(1).messageId(), TestMessages.toZoe(3).messageId()),
                Arrays.stream(received).map(m -> messageId(m).replaceAll("[<>]", "")).toList());
    }

    @Test
    void startTlsRequiredAgainstAServerWithoutStartTlsStopsBeforeSendingAnything() {
        SmtpTransport transport = new SmtpTransport(settings(plainPort(), SmtpSecurity.STARTTLS, ""), null);

        MailFailure failure = assertThrows(MailFailure.class, transport::open);

        assertEquals(MailFailure.Kind.FATAL, failure.kind());
        assertTrue(failure.reply().startsWith("Cannot connect to " + LOOPBACK + ":" + plainPort() + ": "),
                failure.reply());
        assertTrue(failure.reply().contains("STARTTLS"), failure.reply());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void implicitTlsRefusesAServerWhoseCertificateIsNotTrusted() {
        int tlsPort = greenMail.getSmtps().getPort();
        SmtpTransport transport = new SmtpTransport(settings(tlsPort, SmtpSecurity.TLS, ""), null);

        MailFailure failure = assertThrows(MailFailure.class, transport::open);

        assertEquals(MailFailure.Kind.FATAL, failure.kind());
        assertTrue(failure.reply().startsWith("Cannot connect to " + LOOPBACK + ":" + tlsPort
                + ": the server's certificate is not trusted"), failure.reply());
    }

    @Test
    void aClosedPortFailsFatallyAndQuicklyNamingHostAndPort() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            closedPort = socket.getLocalPort();
        }
        SmtpTransport transport = new SmtpTransport(settings(closedPort, SmtpSecurity.NONE, ""), null);

        MailFailure failure = assertTimeout(Duration.ofSeconds(3), () -> assertThrows(MailFailure.class,
                transport::open));

        assertEquals(MailFailure.Kind.FATAL, failure.kind());
        assertEquals("Cannot connect to " + LOOPBACK + ":" + closedPort + ": connection refused", failure.reply());
    }

    @Test
    void aWrongPasswordIsFatalAndNotRepeatedInTheMessage() {
        greenMail.setUser("helpdesk@example.com", "helpdesk", "correct-horse");
        SmtpTransport transport = new SmtpTransport(settings(plainPort(), SmtpSecurity.NONE, "helpdesk"),
                "wrong-battery".toCharArray());

        MailFailure failure = assertThrows(MailFailure.class, transport::open);

        assertEquals(MailFailure.Kind.FATAL, failure.kind());
        assertTrue(failure.reply().contains("535"), failure.reply());
        assertTrue(failure.reply().contains("\"helpdesk\""), failure.reply());
        assertFalse(failure.reply().contains("wrong-battery"), failure.reply());
    }

    @Test
    void theRightPasswordLogsInAndSends() throws Exception {
        greenMail.setUser("helpdesk@example.com", "helpdesk", "correct-horse");
        OutgoingMessage message = TestMessages.toZoe(1);

        try (MailConnection connection = new SmtpTransport(settings(plainPort(), SmtpSecurity.NONE, "helpdesk"),
                "correct-horse".toCharArray()).open()) {
            connection.send(message);
        }

        assertEquals(1, greenMail.getReceivedMessages().length);
    }

    @Test
    void aMessageThatCannotBeBuiltFailsPermanentlyAndTheConnectionKeepsWorking() throws Exception {
        OutgoingMessage good = TestMessages.toZoe(1);
        OutgoingMessage injected = new OutgoingMessage(good.messageId(), good.fromName(), good.fromAddress(),
                good.toName(), "zoe@example.com\r\nBcc: all@example.com", good.subject(), good.text(), good.html());

        try (MailConnection connection = new SmtpTransport(settings(plainPort(), SmtpSecurity.NONE, ""), null)
                .open()) {
            MailFailure failure = assertThrows(MailFailure.class, () -> connection.send(injected));
            assertEquals(MailFailure.Kind.PERMANENT, failure.kind());
            connection.send(good);
        }

        assertEquals(1, greenMail.getReceivedMessages().length);
    }

    @Test
    void aDroppedConnectionIsTransientAndTheNextSendConnectsAgain() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            port = socket.getLocalPort();
        }
        GreenMail restartable = new GreenMail(new ServerSetup(port, LOOPBACK, ServerSetup.PROTOCOL_SMTP));
        restartable.start();
        try (MailConnection connection = new SmtpTransport(settings(port, SmtpSecurity.NONE, ""), null).open()) {
            connection.send(TestMessages.toZoe(1));
            restartable.stop();

            MailFailure failure = assertThrows(MailFailure.class, () -> connection.send(TestMessages.toZoe(2)));
            assertEquals(MailFailure.Kind.TRANSIENT, failure.kind());

            restartable.start();
            connection.send(TestMessages.toZoe(3));
            assertEquals(List.of("<msg-3.a1b2@enroll.example.com>"),
                    Arrays.stream(restartable.getReceivedMessages()).map(SmtpTransportTest::messageId).toList());
        } finally {
            restartable.stop();
        }
    }

    @Test
    void aServerThatStopsReadingMidMessageFailsTheSendOnceTheWriteTimeoutPasses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            CountDownLatch testDone = new CountDownLatch(1);
            Thread readsUntilData = new Thread(() -> answerUntilDataThenStopReading(server, testDone));
            readsUntilData.setDaemon(true);
            readsUntilData.start();
            MailSettings oneSecond = new MailSettings(LOOPBACK, server.getLocalPort(), SmtpSecurity.NONE, "",
                    "Helpdesk", "helpdesk@example.com", Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                    "https://enroll.example.com/");
            // far more than the loopback socket buffers hold, so a write blocks once the server stops reading
            String huge = "enroll at https://enroll.example.com/ before Friday, please.\n".repeat(600_000);
            OutgoingMessage message = new OutgoingMessage("huge.a1b2@enroll.example.com", "Helpdesk",
                    "helpdesk@example.com", "Zoë", "zoe@example.com", "Please enroll", huge, huge);

            try (MailConnection connection = new SmtpTransport(oneSecond, null).open()) {
                try {
                    MailFailure failure = assertTimeoutPreemptively(Duration.ofSeconds(30),
                            () -> assertThrows(MailFailure.class, () -> connection.send(message)));
                    assertEquals(MailFailure.Kind.TRANSIENT, failure.kind());
                } finally {
                    // the server hangs up before the connection is closed, or a write still blocked would block the close
                    testDone.countDown();
                }
            }
        }
    }

    /** Greets, accepts the envelope, invites the message with 354 and then reads nothing more. */
    private static void answerUntilDataThenStopReading(ServerSocket server, CountDownLatch testDone) {
        try (Socket client = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = client.getOutputStream();
            out.write("220 stops reading\r\n".getBytes(StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                boolean data = line.equalsIgnoreCase("DATA");
                out.write((data ? "354 go ahead\r\n" : "250 OK\r\n").getBytes(StandardCharsets.US_ASCII));
                if (data) {
                    testDone.await();
                    return;
                }
            }
        } catch (IOException | InterruptedException over) {
            // the client gave up or the test ended: nothing more to answer
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void describesServerAndSecurityForTheOperator() {
        SmtpTransport transport = new SmtpTransport(
                MailSettings.DEFAULT.withServer("smtp.example.com", 587, SmtpSecurity.STARTTLS, ""), null);

        assertEquals("smtp.example.com:587 (STARTTLS (required))", transport.describe());
    }

    @Test
    void bothTlsModesCheckTheServerNameAndStartTlsIsRequiredNotMerelyTried() {
        Properties startTls = SmtpTransport.sessionProperties(settings(587, SmtpSecurity.STARTTLS, "helpdesk"));
        Properties implicitTls = SmtpTransport.sessionProperties(settings(465, SmtpSecurity.TLS, ""));
        Properties plain = SmtpTransport.sessionProperties(settings(25, SmtpSecurity.NONE, ""));

        assertEquals("true", startTls.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", startTls.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", startTls.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("true", startTls.getProperty("mail.smtp.auth"));
        assertEquals("5000", startTls.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("10000", startTls.getProperty("mail.smtp.timeout"));
        assertEquals("10000", startTls.getProperty("mail.smtp.writetimeout"));
        assertEquals("true", implicitTls.getProperty("mail.smtp.ssl.enable"));
        assertEquals("true", implicitTls.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertNull(implicitTls.getProperty("mail.smtp.starttls.enable"));
        assertEquals("false", implicitTls.getProperty("mail.smtp.auth"));
        assertNull(plain.getProperty("mail.smtp.starttls.enable"));
        assertNull(plain.getProperty("mail.smtp.ssl.enable"));
        assertTrue(startTls.stringPropertyNames().stream().noneMatch(name -> name.contains("trust")));
    }
}
