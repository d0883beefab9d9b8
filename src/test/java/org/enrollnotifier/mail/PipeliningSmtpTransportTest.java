package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.SmtpSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipeliningSmtpTransportTest {

    private static final String ZOE = "RCPT TO:<zoe.odegaard@example.com>";
    private static final String MAIL_FROM = "MAIL FROM:<helpdesk@example.com>";

    /** A short read time-out: a client waiting for a reply the server holds back fails quickly. */
    private static SmtpTransport transportTo(ScriptedSmtpServer server) {
        return new SmtpTransport(new MailSettings("127.0.0.1", server.port(), SmtpSecurity.NONE, "", "Helpdesk",
                "helpdesk@example.com", Duration.ofSeconds(5), Duration.ofSeconds(2), 1,
                "https://enroll.example.com/"), null);
    }

    private static OutgoingMessage toMax(int number) {
        OutgoingMessage zoe = TestMessages.toZoe(number);
        return new OutgoingMessage(zoe.messageId(), zoe.fromName(), zoe.fromAddress(), "Max", "max@example.com",
                zoe.subject(), zoe.text(), zoe.html());
    }

    /** What the server received but the greeting, the connection checks and the goodbyes. */
    private static List<String> envelopeAndMessages(ScriptedSmtpServer server) {
        return allButGreetingAndGoodbye(server).stream().filter(line -> !line.equals("NOOP")).toList();
    }

    @Test
    void aServerThatAnswersOnlyOnceDataArrivesGetsEachEnvelopeWrittenAheadAndEveryMessage() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(true, true, Map.of())) {
            try (MailConnection connection = transportTo(server).open()) {
                connection.send(TestMessages.toZoe(1));
                connection.send(TestMessages.toZoe(2));
            }

            assertEquals(List.of(MAIL_FROM, ZOE, "DATA", "message <msg-1.a1b2@enroll.example.com>",
                    MAIL_FROM, ZOE, "DATA", "message <msg-2.a1b2@enroll.example.com>"), envelopeAndMessages(server));
        }
    }

    @Test
    void aRefusedRecipientFailsPermanentlyWithItsReplyAndTheConnectionGoesOnWithTheNextMessage() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(true, false,
                Map.of(ZOE, "550 5.1.1 <zoe.odegaard@example.com>: no such user"))) {
            try (MailConnection connection = transportTo(server).open()) {
                MailFailure refused = assertThrows(MailFailure.class, () -> connection.send(TestMessages.toZoe(1)));
                assertEquals(MailFailure.Kind.PERMANENT, refused.kind());
                assertTrue(refused.reply().startsWith("550 5.1.1 <zoe.odegaard@example.com>: no such user"),
                        refused.reply());
                connection.send(toMax(2));
            }

            assertEquals(List.of(MAIL_FROM, ZOE, "DATA", "RSET", MAIL_FROM, "RCPT TO:<max@example.com>", "DATA",
                    "message <msg-2.a1b2@enroll.example.com>"), envelopeAndMessages(server));
        }
    }

    @ParameterizedTest(name = "server announces PIPELINING: {0}")
    @ValueSource(booleans = {true, false})
    void aSenderRefusedForNowIsTransientAndOnlyAPipeliningServerGetsTheRestOfTheEnvelopeAhead(boolean pipelining)
            throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(pipelining, false,
                Map.of("MAIL", "451 4.3.0 try again later"))) {
            try (MailConnection connection = transportTo(server).open()) {
                MailFailure refused = assertThrows(MailFailure.class, () -> connection.send(TestMessages.toZoe(1)));
                assertEquals(MailFailure.Kind.TRANSIENT, refused.kind());
                assertTrue(refused.reply().startsWith("451 4.3.0 try again later"), refused.reply());
            }

            List<String> expected = pipelining ? List.of(MAIL_FROM, ZOE, "DATA", "RSET") : List.of(MAIL_FROM, "RSET");
            assertEquals(expected, envelopeAndMessages(server));
        }
    }

    @Test
    void aServerThatAcceptsDataAfterRefusingTheOnlyRecipientGetsNoMessageAndTheNextSendConnectsAgain()
            throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(true, false,
                Map.of(ZOE, "550 5.1.1 no such user", "DATA", "354 go ahead"))) {
            try (MailConnection connection = transportTo(server).open()) {
                MailFailure refused = assertThrows(MailFailure.class, () -> connection.send(TestMessages.toZoe(1)));
                assertEquals(MailFailure.Kind.PERMANENT, refused.kind());
                assertTrue(refused.reply().startsWith("550 5.1.1 no such user"), refused.reply());
                connection.send(toMax(2));
            }

            // the RSET goes out before the connection closes, with the next read or the close; it is
            // only a line of data that is never ended
            assertEquals(List.of(MAIL_FROM, ZOE, "DATA", "hung up after 1 lines of data",
                    MAIL_FROM, "RCPT TO:<max@example.com>", "DATA",
                    "message <msg-2.a1b2@enroll.example.com>"), envelopeAndMessages(server));
        }
    }

    @Test
    void anEnvelopeOtherThanTheOneWrittenAheadDropsTheConnectionRatherThanNameTheRecipientTwice() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(true, false, Map.of())) {
            Session session = Session.getInstance(SmtpTransport.sessionProperties(new MailSettings("127.0.0.1",
                    server.port(), SmtpSecurity.NONE, "", "Helpdesk", "helpdesk@example.com", Duration.ofSeconds(5),
                    Duration.ofSeconds(2), 1, "https://enroll.example.com/")));
            PipeliningSmtpTransport withOtherRecipientOptions = new PipeliningSmtpTransport(session) {
                @Override
                protected void rcptTo() throws MessagingException {
                    sendCommand(ZOE + " NOTIFY=NEVER");
                }
            };
            withOtherRecipientOptions.connect("127.0.0.1", server.port(), null, null);
            MimeMessage message = MimeMessages.build(session, TestMessages.toZoe(1));

            MessagingException dropped = assertThrows(MessagingException.class,
                    () -> withOtherRecipientOptions.sendMessage(message, message.getAllRecipients()));

            assertTrue(dropped.getMessage().contains("differ"), dropped.getMessage());
            assertFalse(withOtherRecipientOptions.isConnected());
            server.awaitEndedConnections(1);
            // whether the server still answered DATA before it saw the hang-up depends on timing
            assertEquals(List.of(MAIL_FROM, ZOE, "DATA"), envelopeAndMessages(server).stream()
                    .filter(line -> !line.startsWith("hung up")).toList());
        }
    }

    /** What the server received but the greeting and the goodbye: a check of the connection shows. */
    private static List<String> allButGreetingAndGoodbye(ScriptedSmtpServer server) {
        return server.received().stream().filter(line -> !line.startsWith("EHLO") && !line.equals("QUIT")).toList();
    }

    @Test
    void theNextMessagesEnvelopeLeavesWithTheEndOfTheOneBeforeSoAServerAnsweringBothAtOnceGetsBoth()
            throws Exception {
        try (ScriptedSmtpServer server =
                     new ScriptedSmtpServer(true, false, Map.of()).holdingTheFirstEndOfDataReply()) {
            try (MailConnection connection = transportTo(server).open()) {
                connection.send(TestMessages.toZoe(1), () -> { }, toMax(2));
                connection.send(toMax(2));
            }

            assertEquals(List.of(MAIL_FROM, ZOE, "DATA", "message <msg-1.a1b2@enroll.example.com>",
                    MAIL_FROM, "RCPT TO:<max@example.com>", "DATA", "message <msg-2.a1b2@enroll.example.com>"),
                    allButGreetingAndGoodbye(server));
        }
    }

    @Test
    void aMessageRefusedAtItsEndFailsPermanentlyAndTheNextOneStartedBehindItGoesOnTheSameConnection()
            throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(true, false,
                Map.of("message <msg-1.a1b2@enroll.example.com>", "554 5.7.1 content refused"))) {
            try (MailConnection connection = transportTo(server).open()) {
                MailFailure refused = assertThrows(MailFailure.class,
                        () -> connection.send(TestMessages.toZoe(1), () -> { }, toMax(2)));
                assertEquals(MailFailure.Kind.PERMANENT, refused.kind());
                assertTrue(refused.reply().startsWith("554 5.7.1 content refused"), refused.reply());
                connection.send(toMax(2));
            }

            // no reset, no check of the connection, no second login between the two
            assertEquals(List.of(MAIL_FROM, ZOE, "DATA", "message <msg-1.a1b2@enroll.example.com>",
                    MAIL_FROM, "RCPT TO:<max@example.com>", "DATA", "message <msg-2.a1b2@enroll.example.com>"),
                    allButGreetingAndGoodbye(server));
            assertEquals(1, server.received().stream().filter(line -> line.startsWith("EHLO")).count());
        }
    }

    @Test
    void aMessageOtherThanTheOneStartedAheadDropsTheConnectionAndNothingOfTheStartedOneIsDelivered()
            throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(true, false, Map.of())) {
            try (MailConnection connection = transportTo(server).open()) {
                connection.send(TestMessages.toZoe(1), () -> { }, TestMessages.toZoe(2));
                MailFailure dropped = assertThrows(MailFailure.class, () -> connection.send(toMax(3)));
                assertEquals(MailFailure.Kind.TRANSIENT, dropped.kind());
            }
            server.awaitEndedConnections(1);

            assertEquals(List.of(MAIL_FROM, ZOE, "DATA", "message <msg-1.a1b2@enroll.example.com>",
                    MAIL_FROM, ZOE, "DATA", "hung up after 0 lines of data"), envelopeAndMessages(server));
        }
    }
}
