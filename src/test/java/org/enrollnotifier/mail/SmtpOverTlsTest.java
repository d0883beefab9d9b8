package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.ssl.SSLUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.SmtpSecurity;
import org.enrollnotifier.testkit.LoopbackCertificate;
import org.enrollnotifier.testkit.ScriptedSmtpServer;
import org.enrollnotifier.testkit.ScriptedSmtpServer.Received;
import org.enrollnotifier.testkit.ScriptedSmtpServer.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sending over STARTTLS and implicit TLS, with the transport's own session settings, to a server
 * whose certificate the test made and the client was told to trust: messages get through, and a
 * server that stops answering once TLS is up still fails the send in time, as one to retry.
 */
class SmtpOverTlsTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path folder;

    private LoopbackCertificate certificate;

    @BeforeEach
    void makeCertificate() {
        certificate = LoopbackCertificate.createIn(folder);
    }

    @ParameterizedTest
    @EnumSource(value = SmtpSecurity.class, names = {"STARTTLS", "TLS"})
    void messagesGoThroughTlsEachNextOneStartedBehindTheOneBefore(SmtpSecurity security) throws Exception {
        try (ScriptedSmtpServer server = serverFor(security)) {
            Session session = trustingTheTestCertificate(security, server.port());
            GatedSmtpTransport transport = connected(session, server.port());
            OutgoingMessage first = TestMessages.toZoe(1);
            OutgoingMessage second = TestMessages.toZoe(2);

            transport.send(MimeMessages.build(session, first), () -> { }, second.toAddress());
            boolean startedAhead = transport.startedNext();
            transport.send(MimeMessages.build(session, second), () -> { }, null);
            transport.close();

            assertTrue(startedAhead, "the second envelope went out behind the first message's end");
            assertEquals(List.of(new Received(first.toAddress(), "<" + first.messageId() + ">"),
                    new Received(second.toAddress(), "<" + second.messageId() + ">")), server.received());
            assertEquals(1, server.secureConnections());
        }
    }

    @ParameterizedTest
    @EnumSource(value = SmtpSecurity.class, names = {"STARTTLS", "TLS"})
    void aServerThatStopsAnsweringOverTlsFailsTheSendAsTransientWithinTheReadTimeout(SmtpSecurity security)
            throws Exception {
        try (ScriptedSmtpServer server = serverFor(security).stallAt(Stage.MAIL, 1)) {
            Session session = trustingTheTestCertificate(security, server.port());
            GatedSmtpTransport transport = connected(session, server.port());

            MessagingException stalled = assertTimeoutPreemptively(READ_TIMEOUT.multipliedBy(10),
                    () -> assertThrows(MessagingException.class,
                            () -> transport.send(MimeMessages.build(session, TestMessages.toZoe(2)), () -> { }, null)));

            MailFailure failure = SmtpFailures.whileSending("127.0.0.1:" + server.port(), stalled);
            assertEquals(MailFailure.Kind.TRANSIENT, failure.kind());
            assertEquals("Lost the connection to 127.0.0.1:" + server.port() + ": the server did not answer in time",
                    failure.reply());
            assertEquals(1, server.secureConnections());
        }
    }

    @Test
    void theComputersOwnTrustStillRefusesTheServer() throws Exception {
        try (ScriptedSmtpServer server = serverFor(SmtpSecurity.STARTTLS)) {
            SmtpTransport transport = new SmtpTransport(settings(SmtpSecurity.STARTTLS, server.port()), null);

            MailFailure failure = assertThrows(MailFailure.class, transport::open);

            assertEquals(MailFailure.Kind.FATAL, failure.kind());
            assertTrue(failure.reply().contains("the server's certificate is not trusted"), failure.reply());
            assertTrue(server.received().isEmpty());
        }
    }

    private ScriptedSmtpServer serverFor(SmtpSecurity security) throws Exception {
        return ScriptedSmtpServer.overTls(certificate.serverTls(), security == SmtpSecurity.TLS);
    }

    /** The transport's settings, with the test's certificate trusted in place of the computer's trust store. */
    private Session trustingTheTestCertificate(SmtpSecurity security, int port) throws GeneralSecurityException {
        Properties properties = SmtpTransport.sessionProperties(settings(security, port));
        properties.put("mail.smtp.ssl.socketFactory", new SSLUtil(certificate.trustedByClient()).createSSLSocketFactory());
        return Session.getInstance(properties);
    }

    private static GatedSmtpTransport connected(Session session, int port) throws MessagingException {
        GatedSmtpTransport transport = new GatedSmtpTransport(session);
        transport.connect("127.0.0.1", port, null, null);
        return transport;
    }

    private static MailSettings settings(SmtpSecurity security, int port) {
        return new MailSettings("127.0.0.1", port, security, "", "Helpdesk", "helpdesk@example.com",
                Duration.ofSeconds(5), READ_TIMEOUT, 1, "https://enroll.example.com/");
    }
}
