package org.enrollnotifier.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's sink speaks enough SMTP for any sender, byte by byte or pipelined. */
class SmtpSinkTest {

    @Test
    void pipelinedCommandsGetTheirRepliesInOrderAndEachMessageCountsOnce() throws IOException {
        try (SmtpSink sink = new SmtpSink(); Session session = new Session(sink)) {
            session.send("EHLO me\r\nMAIL FROM:<a@x>\r\nRCPT TO:<b@x>\r\nDATA\r\n");
            assertEquals(List.of("220 sink ESMTP", "250-sink", "250-PIPELINING", "250 8BITMIME", "250 OK", "250 OK",
                    "354 go ahead"), session.replies(7));

            session.send("Subject: one\r\n\r\n..a stuffed dot, not the end\r\n.\r\nMAIL FROM:<a@x>\r\nRCPT TO:<c@x>\r\n"
                    + "DATA\r\n.\r\nQUIT\r\n");
            assertEquals(List.of("250 2.0.0 accepted", "250 OK", "250 OK", "354 go ahead", "250 2.0.0 accepted",
                    "221 bye"), session.replies(6));
            assertEquals(2, sink.accepted());
        }
    }

    @Test
    void theEndOfAMessageIsFoundWhenItArrivesSplitAcrossWrites() throws IOException {
        try (SmtpSink sink = new SmtpSink(); Session session = new Session(sink)) {
            session.send("HELO me\r\nMAIL FROM:<a@x>\r\nRCPT TO:<b@x>\r\nDATA\r\n");
            session.replies(5);

            for (String piece : List.of("line one\r", "\n.", "\r", "\n")) {
                session.send(piece);
            }
            session.send("QU");
            session.send("IT\r\n");

            assertEquals(List.of("250 2.0.0 accepted", "221 bye"), session.replies(2));
            assertEquals(1, sink.accepted());
        }
    }

    @Test
    void aClientThatPipelinesMoreThanTheRepliesHoldGetsEveryAnswer() throws IOException {
        try (SmtpSink sink = new SmtpSink(); Session session = new Session(sink)) {
            session.send("NOOP\r\n".repeat(5_000) + "QUIT\r\n");

            List<String> replies = session.replies(5_002);

            assertEquals("220 sink ESMTP", replies.get(0));
            assertEquals(List.of("250 OK"), replies.subList(1, 5_001).stream().distinct().toList());
            assertEquals("221 bye", replies.get(5_001));
        }
    }

    /** A raw client: writes are flushed as given, so the sink sees them as separate reads or not at all. */
    private static final class Session implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final BufferedReader in;

        Session(SmtpSink sink) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), sink.port());
            socket.setTcpNoDelay(true);
            // a sink that stops answering fails the test instead of hanging it
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        List<String> replies(int count) throws IOException {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                lines.add(in.readLine());
            }
            return lines;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
