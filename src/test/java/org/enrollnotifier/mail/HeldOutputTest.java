package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class HeldOutputTest {

    private final Recorder socket = new Recorder();
    private final HeldOutput output = new HeldOutput(socket);

    @Test
    void flushedCommandsAreHeldUntilSentThenGoInOneWrite() throws Exception {
        for (String command : List.of("MAIL FROM:<a@x>\r\n", "RCPT TO:<b@x>\r\n", "DATA\r\n")) {
            output.write(ascii(command));
            output.flush();
        }
        assertEquals(List.of(), socket.writes, "nothing written before the send");

        output.send();
        output.send();

        assertEquals(List.of("MAIL FROM:<a@x>\r\nRCPT TO:<b@x>\r\nDATA\r\n"), socket.texts(),
                "one write, and nothing more for a send with nothing held");
    }

    @Test
    void singleBytesAreHeldAlike() throws Exception {
        output.write('.');
        output.write('\r');
        output.write('\n');

        output.send();

        assertEquals(List.of(".\r\n"), socket.texts());
    }

    @Test
    void whatWouldPassTheLimitSendsWhatIsHeldFirstAndIsThenHeld() throws Exception {
        output.write(new byte[HeldOutput.HELD_AT_MOST - 10]);
        output.write(ascii("twenty bytes, held\r\n"));

        assertEquals(List.of(HeldOutput.HELD_AT_MOST - 10), socket.sizes());
        output.send();
        assertEquals("twenty bytes, held\r\n", socket.texts().get(1));
    }

    @Test
    void moreThanTheLimitInOneWriteGoesOutAtOnceAfterWhatWasHeld() throws Exception {
        output.write(ascii("held\r\n"));
        output.write(new byte[HeldOutput.HELD_AT_MOST + 1]);

        assertEquals(List.of(6, HeldOutput.HELD_AT_MOST + 1), socket.sizes());
        output.send();
        assertEquals(2, socket.writes.size(), "nothing was left held");
    }

    @Test
    void closingClosesTheSocketStreamWithoutWritingWhatIsHeld() throws Exception {
        output.write(ascii("QUIT\r\n"));

        output.close();

        assertEquals(List.of(), socket.writes);
        assertTrue(socket.closed);
    }

    @Test
    void sendingUnlessWritingDoesNotWaitForAWriteThatIsBlocked() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch peerReads = new CountDownLatch(1);
        HeldOutput blocked = new HeldOutput(new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("held bytes are written as arrays");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writing.countDown();
                awaitQuietly(peerReads);
            }
        });
        Thread writer = new Thread(() -> {
            try {
                blocked.write(new byte[HeldOutput.HELD_AT_MOST + 1]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();
        writing.await();

        assertTimeoutPreemptively(Duration.ofSeconds(20), blocked::sendUnlessWriting);

        peerReads.countDown();
        writer.join();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A socket's output stream that keeps each write apart. */
    private static final class Recorder extends OutputStream {

        final List<byte[]> writes = new ArrayList<>();
        boolean closed;

        @Override
        public void write(int b) {
            throw new AssertionError("held bytes are written as arrays");
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            writes.add(Arrays.copyOfRange(bytes, offset, offset + length));
        }

        @Override
        public void close() {
            closed = true;
        }

        List<String> texts() {
            return writes.stream().map(bytes -> new String(bytes, StandardCharsets.US_ASCII)).toList();
        }

        List<Integer> sizes() {
            return writes.stream().map(bytes -> bytes.length).toList();
        }
    }
}
