package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpSocketTest {

    private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1);
    private ServerSocket server;

    @BeforeEach
    void listen() throws Exception {
        watchdog.setRemoveOnCancelPolicy(true);
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        watchdog.shutdownNow();
    }

    @Test
    void aReadWithoutAReplyInTimeFailsAsATimeoutAndClosesTheSocket() throws Exception {
        try (Socket client = connectedWithTimeout(200); Socket silent = server.accept()) {
            InputStream input = client.getInputStream();

            SocketTimeoutException timeout = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(SocketTimeoutException.class, () -> input.read(new byte[16])));

            assertEquals("Read timed out", timeout.getMessage());
            assertTrue(client.isClosed());
            assertThrows(SocketTimeoutException.class, input::read, "later reads fail the same way");
        }
    }

    @Test
    void aReadAnsweredInTimeReturnsTheBytesAndLeavesNoGuardBehind() throws Exception {
        try (Socket client = connectedWithTimeout(60_000); Socket peer = server.accept()) {
            peer.getOutputStream().write("220 ready\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[11];

            int read = client.getInputStream().readNBytes(reply, 0, reply.length);

            assertEquals(11, read);
            assertArrayEquals("220 ready\r\n".getBytes(StandardCharsets.US_ASCII), reply);
            assertTrue(watchdog.getQueue().isEmpty(), "the read's guard was cancelled");
            assertFalse(client.isClosed());
        }
    }

    @Test
    void theSocketReportsItsTimeoutAndReadsWithoutAGuardWhenItIsZero() throws Exception {
        try (Socket client = connectedWithTimeout(1_234); Socket peer = server.accept()) {
            assertEquals(1_234, client.getSoTimeout());

            client.setSoTimeout(0);
            peer.getOutputStream().write(1);

            assertEquals(1, client.getInputStream().read());
            assertEquals(0, watchdog.getTaskCount(), "no guard without a timeout");
        }
    }

    @Test
    void aReadFirstSendsTheCommandsWrittenAndFlushedBeforeIt() throws Exception {
        try (Socket client = connectedWithTimeout(60_000); Socket peer = server.accept()) {
            OutputStream commands = client.getOutputStream();
            for (String command : List.of("MAIL FROM:<a@x>\r\n", "RCPT TO:<b@x>\r\n", "DATA\r\n")) {
                commands.write(command.getBytes(StandardCharsets.US_ASCII));
                commands.flush();
            }
            CompletableFuture<byte[]> reply = CompletableFuture.supplyAsync(() -> readFrom(client, 6));

            byte[] received = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> peer.getInputStream().readNBytes(38), "the client's read sent the commands");
            peer.getOutputStream().write("250 x\n".getBytes(StandardCharsets.US_ASCII));

            assertEquals("MAIL FROM:<a@x>\r\nRCPT TO:<b@x>\r\nDATA\r\n",
                    new String(received, StandardCharsets.US_ASCII));
            assertEquals("250 x\n", new String(reply.get(20, TimeUnit.SECONDS), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void closingSendsWhatIsHeldFirst() throws Exception {
        try (Socket peer = writeAndClose("QUIT\r\n")) {
            assertEquals("QUIT\r\n", new String(peer.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aPeerThatDoesNotReadHoldsTheCloseUpNoLongerThanTheTimeout() throws Exception {
        Socket client = connectedWithSmallBuffers(200);
        try (Socket notReading = server.accept()) {
            client.getOutputStream().write(new byte[HeldOutput.HELD_AT_MOST]);

            assertTimeoutPreemptively(Duration.ofSeconds(20), client::close);
            assertTrue(client.isClosed());
        }
    }

    @Test
    void sendingWhatIsHeldToAPeerThatDoesNotReadTimesOutAsTheReadWould() throws Exception {
        Socket client = connectedWithSmallBuffers(200);
        try (client; Socket notReading = server.accept()) {
            client.getOutputStream().write(new byte[HeldOutput.HELD_AT_MOST]);
            InputStream input = client.getInputStream();

            assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(SocketTimeoutException.class, () -> input.read(new byte[16])));
            assertTrue(client.isClosed());
        }
    }

    /** Buffers small enough on both ends that a peer that does not read soon blocks a write. */
    private Socket connectedWithSmallBuffers(int timeoutMillis) throws Exception {
        server.setReceiveBufferSize(4_096);
        Socket client = SmtpSocket.factory(watchdog).createSocket();
        client.setSendBufferSize(4_096);
        client.setSoTimeout(timeoutMillis);
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        return client;
    }

    private Socket writeAndClose(String text) throws Exception {
        try (Socket client = connectedWithTimeout(60_000)) {
            client.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            return server.accept();
        }
    }

    private static byte[] readFrom(Socket socket, int bytes) {
        try {
            return socket.getInputStream().readNBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Socket connectedWithTimeout(int millis) throws Exception {
        Socket socket = SmtpSocket.factory(watchdog).createSocket();
        socket.setSoTimeout(millis);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        return socket;
    }
}
