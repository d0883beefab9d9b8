package org.enrollnotifier.testkit;

import com.unboundid.util.ssl.SSLUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.SmtpSecurity;

/**
 * A real SMTP server on loopback whose replies a test scripts per stage of the conversation: a
 * 4xx or 5xx code, a dropped connection, or silence. Everything it accepts is recorded. It
 * announces PIPELINING, as most servers do, and so refuses a recipient without an accepted sender
 * and DATA without an accepted recipient. It can speak TLS from the first byte or after STARTTLS.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** Where in the conversation a rule applies. */
    public enum Stage { CONNECT, MAIL, RCPT, DATA, END_OF_DATA }

    /** A message the server accepted. */
    public record Received(String recipient, String messageId) {
    }

    /** What a rule does: reply with a line, hang up, or go silent. */
    private record Action(String reply, boolean hangUp) {
        static final Action DISCONNECT = new Action(null, true);
        static final Action STALL = new Action(null, false);
    }

    /** How a stage was answered. */
    private enum Answer { NORMAL, SCRIPTED, HUNG_UP }

    /** @param occurrence counted per stage over the server's whole life, from 1 */
    private record Rule(Stage stage, IntPredicate occurrence, String recipient, Action action) {
    }

    private final ServerSocket server;
    /** Upgrades a connection on STARTTLS; null when the server offers no STARTTLS. */
    private final SSLSocketFactory startTls;
    private final AtomicInteger secureConnections = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "scripted-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<Stage, AtomicInteger> occurrences = new EnumMap<>(Stage.class);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    public ScriptedSmtpServer() throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), null);
    }

    private ScriptedSmtpServer(ServerSocket server, SSLSocketFactory startTls) {
        for (Stage stage : Stage.values()) {
            occurrences.put(stage, new AtomicInteger());
        }
        this.server = server;
        this.startTls = startTls;
        threads.execute(this::accept);
    }

    /** A server that offers STARTTLS with this TLS, or with {@code implicit} speaks it from the first byte. */
    public static ScriptedSmtpServer overTls(SSLUtil tls, boolean implicit)
            throws IOException, GeneralSecurityException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return implicit ? new ScriptedSmtpServer(tls.createSSLServerSocketFactory().createServerSocket(0, 50, loopback),
                null) : new ScriptedSmtpServer(new ServerSocket(0, 50, loopback), tls.createSSLSocketFactory());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Plain SMTP to this server through this many connections, with short time-outs: a stalled reply fails fast. */
    public MailSettings settings(int connections) {
        return new MailSettings("127.0.0.1", port(), SmtpSecurity.NONE, "", "Helpdesk", "helpdesk@corp.example",
                Duration.ofSeconds(2), Duration.ofSeconds(1), connections, "https://enroll.corp.example/");
    }

    /** Replies {@code reply} (e.g. "451 4.3.0 try later") the first {@code times} times the stage is reached. */
    public ScriptedSmtpServer replyFirst(Stage stage, int times, String reply) {
        rules.add(new Rule(stage, n -> n <= times, null, new Action(reply, false)));
        return this;
    }

    /** Replies {@code reply} every time the stage is reached. */
    public ScriptedSmtpServer replyAlways(Stage stage, String reply) {
        rules.add(new Rule(stage, n -> true, null, new Action(reply, false)));
        return this;
    }

    /** Replies {@code reply} to every RCPT for this address. */
    public ScriptedSmtpServer rejectRecipient(String address, String reply) {
        rules.add(new Rule(Stage.RCPT, n -> true, address.toLowerCase(Locale.ROOT), new Action(reply, false)));
        return this;
    }

    /** Closes the connection without a word the {@code occurrence}-th time the stage is reached. */
    public ScriptedSmtpServer disconnectAt(Stage stage, int occurrence) {
        rules.add(new Rule(stage, n -> n == occurrence, null, Action.DISCONNECT));
        return this;
    }

    /** Never answers the {@code occurrence}-th time the stage is reached, until the server closes. */
    public ScriptedSmtpServer stallAt(Stage stage, int occurrence) {
        rules.add(new Rule(stage, n -> n == occurrence, null, Action.STALL));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} messages have been accepted; false if the time ran out first. */
    public boolean awaitReceived(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    public int connections() {
        return connections.get();
    }

    /** Connections that spoke TLS, from the start or after STARTTLS. */
    public int secureConnections() {
        return secureConnections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.execute(() -> converse(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket accepted) {
        Socket socket = accepted;
        try {
            if (socket instanceof SSLSocket tls) {
                tls.startHandshake();
                secureConnections.incrementAndGet();
            }
            BufferedReader in = reader(socket);
            OutputStream out = socket.getOutputStream();
            if (answer(out, Stage.CONNECT, null, "220 scripted ESMTP") == Answer.HUNG_UP) {
                return;
            }
            String recipient = null;
            boolean senderAccepted = false;
            boolean recipientAccepted = false;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                Answer answer = Answer.NORMAL;
                switch (command) {
                    case "EHLO", "HELO" -> send(out, "250-scripted\r\n250-PIPELINING\r\n"
                            + (startTls != null && !(socket instanceof SSLSocket) ? "250-STARTTLS\r\n" : "")
                            + "250 8BITMIME");
                    case "STAR" -> {
                        send(out, "220 2.0.0 ready to start TLS");
                        socket = startTls(socket);
                        in = reader(socket);
                        out = socket.getOutputStream();
                    }
                    case "MAIL" -> {
                        recipientAccepted = false;
                        answer = answer(out, Stage.MAIL, null, "250 2.1.0 OK");
                        senderAccepted = answer == Answer.NORMAL;
                    }
                    case "RCPT" -> {
                        if (!senderAccepted) {
                            send(out, "503 5.5.1 MAIL first");
                            continue;
                        }
                        recipient = line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1").toLowerCase(Locale.ROOT);
                        answer = answer(out, Stage.RCPT, recipient, "250 2.1.5 OK");
                        recipientAccepted = answer == Answer.NORMAL;
                    }
                    case "DATA" -> {
                        if (!recipientAccepted) {
                            send(out, "554 5.5.1 no valid recipients");
                            continue;
                        }
                        senderAccepted = false;
                        recipientAccepted = false;
                        answer = answer(out, Stage.DATA, recipient, "354 go ahead");
                        if (answer == Answer.NORMAL) {
                            String messageId = readMessage(in);
                            if (messageId == null) {
                                return;
                            }
                            answer = answer(out, Stage.END_OF_DATA, recipient, "250 2.0.0 queued");
                            if (answer == Answer.NORMAL) {
                                synchronized (received) {
                                    received.add(new Received(recipient, messageId));
                                    received.notifyAll();
                                }
                            }
                        }
                    }
                    case "QUIT" -> {
                        send(out, "221 bye");
                        return;
                    }
                    default -> send(out, "250 OK");
                }
                if (answer == Answer.HUNG_UP) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up or the server closed: the conversation is over either way
        } finally {
            closeQuietly(socket);
        }
    }

    private Socket startTls(Socket plain) throws IOException {
        SSLSocket tls = (SSLSocket) startTls.createSocket(plain, "127.0.0.1", plain.getPort(), true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        secureConnections.incrementAndGet();
        return tls;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the connection is gone either way
        }
    }

    /** Answers a stage as scripted, or with {@code normal}. */
    private Answer answer(OutputStream out, Stage stage, String recipient, String normal)
            throws IOException, InterruptedException {
        int occurrence = occurrences.get(stage).incrementAndGet();
        for (Rule rule : rules) {
            if (rule.stage() == stage && rule.occurrence().test(occurrence)
                    && (rule.recipient() == null || rule.recipient().equals(recipient))) {
                Action action = rule.action();
                if (action.reply() != null) {
                    send(out, action.reply());
                    return Answer.SCRIPTED;
                }
                if (!action.hangUp()) {
                    closed.await();
                }
                return Answer.HUNG_UP;
            }
        }
        send(out, normal);
        return Answer.NORMAL;
    }

    /** The message's Message-ID, or null when the client went away before the closing dot. */
    private static String readMessage(BufferedReader in) throws IOException {
        String messageId = "";
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(".")) {
                return messageId;
            }
            if (messageId.isEmpty() && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).strip();
            }
        }
        return null;
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
        threads.shutdownNow();
    }
}
