package org.enrollnotifier.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback SMTP server that accepts every message and keeps nothing, so the benchmark measures
 * the sender rather than a mail store. Plain SMTP only; it stops when closed.
 *
 * <p>It shares the machine's cores with the sender it measures, so it spends as little as it can
 * per message, as postfix's C {@code smtp-sink} does: bytes are scanned in place, a message body
 * is never turned into strings, and the replies to everything a read brought in go out in one
 * write (which also serves clients that pipeline their commands).
 */
public final class SmtpSink implements AutoCloseable {

    private static final byte[] GREETING = ascii("220 sink ESMTP\r\n");
    private static final byte[] EHLO = ascii("250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
    private static final byte[] GO_AHEAD = ascii("354 go ahead\r\n");
    private static final byte[] ACCEPTED = ascii("250 2.0.0 accepted\r\n");
    private static final byte[] OK = ascii("250 OK\r\n");
    private static final byte[] BYE = ascii("221 bye\r\n");
    /** The end of a message, {@code CRLF . CRLF}; the CRLF before the dot may be the one that ended DATA. */
    private static final byte[] END_OF_DATA = ascii("\r\n.\r\n");

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong accepted = new AtomicLong();

    public SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.execute(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    public long accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.execute(() -> {
                    try (socket) {
                        new Conversation(socket.getInputStream(), socket.getOutputStream()).run();
                    } catch (IOException dropped) {
                        // the client went away; nothing to keep
                    }
                });
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** One client's session: commands line by line, and between DATA and the final dot, bytes dropped. */
    private final class Conversation {

        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[64 * 1024];
        private final ByteArrayOutputStream replies = new ByteArrayOutputStream(256);
        private int start;
        private int end;
        private boolean inData;
        /** How many bytes of {@link #END_OF_DATA} the data read so far ends with. */
        private int endMatched;

        Conversation(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            replies.write(GREETING);
            while (true) {
                if (start == end) {
                    flushReplies();
                    start = 0;
                    end = in.read(buffer);
                    if (end < 0) {
                        return;
                    }
                } else if (inData) {
                    skipData();
                } else if (!command()) {
                    flushReplies();
                    return;
                }
            }
        }

        private void skipData() {
            while (start < end) {
                byte b = buffer[start++];
                if (b == END_OF_DATA[endMatched]) {
                    endMatched++;
                } else {
                    endMatched = b == END_OF_DATA[0] ? 1 : 0;
                }
                if (endMatched == END_OF_DATA.length) {
                    inData = false;
                    accepted.incrementAndGet();
                    replies.writeBytes(ACCEPTED);
                    return;
                }
            }
        }

        /** Answers the command at the start of the buffer; false after QUIT. A partial line waits for more bytes. */
        private boolean command() throws IOException {
            int lineEnd = indexOfLineFeed();
            if (lineEnd < 0) {
                compactForMore();
                return true;
            }
            String verb = lineEnd - start >= 4 ? new String(buffer, start, 4, StandardCharsets.US_ASCII) : "";
            start = lineEnd + 1;
            switch (verb.toUpperCase(Locale.ROOT)) {
                case "EHLO" -> replies.writeBytes(EHLO);
                case "DATA" -> {
                    replies.writeBytes(GO_AHEAD);
                    inData = true;
                    // the line feed that ended DATA counts as the start of the end marker
                    endMatched = 2;
                }
                case "QUIT" -> {
                    replies.writeBytes(BYE);
                    return false;
                }
                default -> replies.writeBytes(OK);
            }
            return true;
        }

        private int indexOfLineFeed() {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private void compactForMore() throws IOException {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            if (end == buffer.length) {
                throw new IOException("a command line longer than " + buffer.length + " bytes");
            }
            flushReplies();
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                throw new IOException("the client went away mid-command");
            }
            end += read;
        }

        private void flushReplies() throws IOException {
            if (replies.size() > 0) {
                replies.writeTo(out);
                replies.reset();
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
