package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatchedReadSocketTest {

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

    private Socket connectedWithTimeout(int millis) throws Exception {
        Socket socket = WatchedReadSocket.factory(watchdog).createSocket();
        socket.setSoTimeout(millis);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        return socket;
    }
}
