package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.ssl.SSLUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.SmtpSecurity;
import org.enrollnotifier.testkit.LoopbackCertificate;
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

    @ParameterizedTest
    @EnumSource(value = SmtpSecurity.class, names = {"STARTTLS", "TLS"})
    void aMessageGoesThroughTlsIntact(SmtpSecurity security) throws Exception {
        LoopbackCertificate certificate = LoopbackCertificate.createIn(folder);
        try (TlsSmtpServer server = new TlsSmtpServer(certificate.serverTls(), security, false)) {
            Session session = transportSession(certificate, security, server.port());
            GatedSmtpTransport transport = connected(session, server.port());
            OutgoingMessage message = TestMessages.toZoe(1);

            transport.send(MimeMessages.build(session, message), () -> { });
            transport.close();

            List<String> received = server.conversation();
            assertTrue(received.contains("Message-ID: <" + message.messageId() + ">"), received.toString());
            assertTrue(received.contains("RCPT TO:<" + message.toAddress() + ">"), received.toString());
            assertEquals(security == SmtpSecurity.STARTTLS, received.contains("STARTTLS"), received.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = SmtpSecurity.class, names = {"STARTTLS", "TLS"})
    void aServerThatStopsAnsweringOverTlsFailsTheSendAsTransientWithinTheReadTimeout(SmtpSecurity security)
            throws Exception {
        LoopbackCertificate certificate = LoopbackCertificate.createIn(folder);
        try (TlsSmtpServer server = new TlsSmtpServer(certificate.serverTls(), security, true)) {
            Session session = transportSession(certificate, security, server.port());
            GatedSmtpTransport transport = connected(session, server.port());

            MessagingException stalled = assertTimeoutPreemptively(READ_TIMEOUT.multipliedBy(10),
                    () -> assertThrows(MessagingException.class,
                            () -> transport.send(MimeMessages.build(session, TestMessages.toZoe(2)), () -> { })));

            MailFailure failure = SmtpFailures.whileSending("127.0.0.1:" + server.port(), stalled);
            assertEquals(MailFailure.Kind.TRANSIENT, failure.kind());
            assertEquals("Lost the connection to 127.0.0.1:" + server.port() + ": the server did not answer in time",
                    failure.reply());
        }
    }

    @Test
    void theDefaultTrustStillRefusesTheServerWithTheTransportsOwnSockets() throws Exception {
        LoopbackCertificate certificate = LoopbackCertificate.createIn(folder);
        try (TlsSmtpServer server = new TlsSmtpServer(certificate.serverTls(), SmtpSecurity.STARTTLS, false)) {
            SmtpTransport transport = new SmtpTransport(settings(SmtpSecurity.STARTTLS, server.port()), null);

            MailFailure failure = assertThrows(MailFailure.class, transport::open);

            assertEquals(MailFailure.Kind.FATAL, failure.kind());
            assertTrue(failure.reply().contains("the server's certificate is not trusted"), failure.reply());
        }
    }

    private static GatedSmtpTransport connected(Session session, int port) throws MessagingException {
        GatedSmtpTransport transport = new GatedSmtpTransport(session);
        transport.connect("127.0.0.1", port, null, null);
        return transport;
    }

    /** The transport's settings, with only the test's certificate trusted in place of the computer's. */
    private static Session transportSession(LoopbackCertificate certificate, SmtpSecurity security, int port) {
        Properties properties = SmtpTransport.sessionProperties(settings(security, port));
        properties.put("mail.smtp.ssl.socketFactory", clientTls(certificate));
        return Session.getInstance(properties);
    }

    private static SSLSocketFactory clientTls(LoopbackCertificate certificate) {
        try {
            return new SSLUtil(certificate.trustedByClient()).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MailSettings settings(SmtpSecurity security, int port) {
        return new MailSettings("127.0.0.1", port, security, "", "Helpdesk", "helpdesk@example.com",
                Duration.ofSeconds(5), READ_TIMEOUT, 1, "https://enroll.example.com/");
    }

    /**
     * One connection: implicit TLS from the first byte, or STARTTLS on request; every line it reads
     * is kept; with {@code stallAtMail} it never answers MAIL FROM.
     */
    private static final class TlsSmtpServer implements AutoCloseable {

        private final ServerSocket listener;
        private final CompletableFuture<List<String>> conversation = new CompletableFuture<>();

        TlsSmtpServer(SSLUtil tls, SmtpSecurity security, boolean stallAtMail) throws Exception {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            listener = security == SmtpSecurity.TLS
                    ? tls.createSSLServerSocketFactory().createServerSocket(0, 1, loopback)
                    : new ServerSocket(0, 1, loopback);
            SSLSocketFactory startTls = tls.createSSLSocketFactory();
            Thread thread = new Thread(() -> serve(startTls, stallAtMail), "tls-smtp-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        /** Every line the client sent, once it hung up. */
        List<String> conversation() throws Exception {
            return conversation.get(30, TimeUnit.SECONDS);
        }

        private void serve(SSLSocketFactory startTls, boolean stallAtMail) {
            List<String> lines = new ArrayList<>();
            try (Socket accepted = listener.accept()) {
                Socket socket = accepted;
                BufferedReader in = reader(socket);
                OutputStream out = socket.getOutputStream();
                reply(out, "220 tls-test ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                    switch (verb) {
                        case "EHLO" -> reply(out, socket instanceof SSLSocket
                                ? "250-tls-test\r\n250 PIPELINING" : "250-tls-test\r\n250-STARTTLS\r\n250 PIPELINING");
                        case "STAR" -> {
                            reply(out, "220 go ahead");
                            SSLSocket tls = (SSLSocket) startTls.createSocket(socket, "127.0.0.1", port(), true);
                            tls.setUseClientMode(false);
                            tls.startHandshake();
                            socket = tls;
                            in = reader(socket);
                            out = socket.getOutputStream();
                        }
                        case "MAIL" -> {
                            if (!stallAtMail) {
                                reply(out, "250 OK");
                            }
                        }
                        case "DATA" -> {
                            reply(out, "354 go ahead");
                            String data;
                            while ((data = in.readLine()) != null && !data.equals(".")) {
                                lines.add(data);
                            }
                            reply(out, "250 queued");
                        }
                        case "QUIT" -> reply(out, "221 bye");
                        default -> reply(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                lines.add("ended by " + e);
            }
            conversation.complete(lines);
        }

        private static BufferedReader reader(Socket socket) throws IOException {
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        }

        private static void reply(OutputStream out, String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
