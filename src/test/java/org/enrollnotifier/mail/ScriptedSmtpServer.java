package org.enrollnotifier.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server on loopback whose replies a test chooses, for what GreenMail cannot do: announce
 * PIPELINING, refuse a sender, a recipient or a message, or wrongly accept DATA after that, or hold
 * back a reply until the client writes on. It records every command line it reads, a message as
 * "message &lt;Message-ID&gt;" once its final dot arrives, and a client that hangs up in the
 * middle of a message's data.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID: (<[^>]+>)");

    private final ServerSocket socket;
    private final boolean announcesPipelining;
    private final boolean answersOnlyAtData;
    private final Map<String, String> replies;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;
    private final Semaphore endedConversations = new Semaphore(0);
    private volatile boolean holdsFirstEndOfData;

    /**
     * @param answersOnlyAtData hold the replies to MAIL and RCPT until DATA arrives, as a server may
     *        for a pipelined group; a client that waits for each reply then waits in vain
     * @param replies a reply instead of the usual one, for a whole command line
     *        ("RCPT TO:&lt;x@example.com&gt;"), for every MAIL, RCPT or DATA, or for the end of a
     *        message's data, as recorded ("message &lt;Message-ID&gt;"); by default the server
     *        accepts, except RCPT and DATA without an accepted sender and DATA without a recipient
     */
    ScriptedSmtpServer(boolean announcesPipelining, boolean answersOnlyAtData, Map<String, String> replies)
            throws IOException {
        this.socket = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        this.announcesPipelining = announcesPipelining;
        this.answersOnlyAtData = answersOnlyAtData;
        this.replies = Map.copyOf(replies);
        this.acceptor = new Thread(this::acceptAll, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Answers the end of the first message's data only once the client has written the next command,
     * as a server may that answers a pipelined group at once: a client that waits for that reply
     * before writing on waits in vain.
     */
    ScriptedSmtpServer holdingTheFirstEndOfDataReply() {
        holdsFirstEndOfData = true;
        return this;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Waits until the client has ended this many connections (they are served one after the other). */
    void awaitEndedConnections(int count) throws InterruptedException {
        if (!endedConversations.tryAcquire(count, 10, TimeUnit.SECONDS)) {
            throw new AssertionError("the client did not end " + count + " connection(s)");
        }
        endedConversations.release(count);
    }

    List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closed) {
                // the test closed the server or the client hung up: take the next connection, if any
            } finally {
                endedConversations.release();
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        StringBuilder heldReplies = new StringBuilder();
        boolean mailAccepted = false;
        int recipients = 0;
        int messages = 0;
        write(out, "220 scripted\r\n");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.split("[ :]", 2)[0].toUpperCase();
            received.add(line);
            switch (verb) {
                case "EHLO" -> write(out, announcesPipelining ? "250-scripted\r\n250 PIPELINING\r\n" : "250 scripted\r\n");
                case "MAIL" -> {
                    String reply = replyTo(line, verb, "250 OK");
                    mailAccepted = reply.startsWith("2");
                    recipients = 0;
                    answer(out, heldReplies, reply);
                }
                case "RCPT" -> {
                    String reply = replyTo(line, verb, mailAccepted ? "250 OK" : "503 5.5.1 MAIL first");
                    recipients += reply.startsWith("2") ? 1 : 0;
                    answer(out, heldReplies, reply);
                }
                case "DATA" -> {
                    String reply = replyTo(line, verb, !mailAccepted ? "503 5.5.1 MAIL first"
                            : recipients == 0 ? "554 5.5.1 no valid recipients" : "354 go ahead");
                    mailAccepted = false;
                    write(out, heldReplies.append(reply).append("\r\n"));
                    if (reply.startsWith("354")) {
                        String message = readMessage(in);
                        if (message == null) {
                            return;
                        }
                        heldReplies.append(replies.getOrDefault(message, "250 queued")).append("\r\n");
                        if (!(holdsFirstEndOfData && messages == 0)) {
                            write(out, heldReplies);
                        }
                        messages++;
                    }
                }
                case "RSET" -> {
                    mailAccepted = false;
                    write(out, heldReplies.append("250 OK\r\n"));
                }
                case "QUIT" -> {
                    write(out, heldReplies.append("221 bye\r\n"));
                    return;
                }
                default -> write(out, heldReplies.append("250 OK\r\n"));
            }
        }
    }

    private void answer(OutputStream out, StringBuilder heldReplies, String reply) throws IOException {
        heldReplies.append(reply).append("\r\n");
        if (!answersOnlyAtData) {
            write(out, heldReplies);
        }
    }

    private String replyTo(String line, String verb, String acceptance) {
        return replies.getOrDefault(line, replies.getOrDefault(verb, acceptance));
    }

    /** @return the message as recorded, or null when the client hung up before the final dot, which leaves none */
    private String readMessage(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); !".".equals(line); line = in.readLine()) {
            if (line == null) {
                received.add("hung up after " + lines.size() + " lines of data");
                return null;
            }
            lines.add(line);
        }
        Matcher id = MESSAGE_ID.matcher(String.join("\n", lines));
        String message = "message " + (id.find() ? id.group(1) : "without Message-ID");
        received.add(message);
        return message;
    }

    private static void write(OutputStream out, CharSequence replies) throws IOException {
        out.write(replies.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (replies instanceof StringBuilder held) {
            held.setLength(0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
