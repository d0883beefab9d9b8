package org.enrollnotifier.mail;

/** One open connection; not thread-safe: each delivery worker holds its own. */
public interface MailConnection extends AutoCloseable {

    /**
     * Sends a message; {@code beforeHandOver} runs once it is all out but before it is handed over
     * for good (SMTP: before the end of its data; a folder: before its file takes its final name),
     * so the caller can do its own work meanwhile and still finish it first. When
     * {@code beforeHandOver} throws, the message is not handed over and its exception propagates.
     */
    default void send(OutgoingMessage message, Runnable beforeHandOver) throws MailFailure {
        send(message, beforeHandOver, null);
    }

    /**
     * Like {@link #send(OutgoingMessage, Runnable)}, told which message the caller sends next, if
     * it knows: the connection may start that one right behind this one's end (SMTP with
     * PIPELINING: its envelope leaves with this message's final dot, and the server answers both
     * at once), so the caller must then either send {@code next} with its next call, whatever
     * became of this one, or close the connection, which drops what was started: none of it is
     * delivered.
     *
     * @param next the message to be sent next on this connection, or null
     */
    void send(OutgoingMessage message, Runnable beforeHandOver, OutgoingMessage next) throws MailFailure;

    default void send(OutgoingMessage message) throws MailFailure {
        send(message, () -> { });
    }

    @Override
    void close();
}
