package org.enrollnotifier.mail;

/** One open connection; not thread-safe: each delivery worker holds its own. */
public interface MailConnection extends AutoCloseable {

    /**
     * Sends a message; {@code beforeHandOver} runs once it is all out but before it is handed over
     * for good (SMTP: before the end of its data; a folder: before its file takes its final name),
     * so the caller can do its own work meanwhile and still finish it first. When
     * {@code beforeHandOver} throws, the message is not handed over and its exception propagates.
     */
    void send(OutgoingMessage message, Runnable beforeHandOver) throws MailFailure;

    default void send(OutgoingMessage message) throws MailFailure {
        send(message, () -> { });
    }

    @Override
    void close();
}
