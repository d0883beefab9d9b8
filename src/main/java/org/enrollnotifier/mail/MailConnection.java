package org.enrollnotifier.mail;

/** One open connection; not thread-safe: each delivery worker holds its own. */
public interface MailConnection extends AutoCloseable {

    void send(OutgoingMessage message) throws MailFailure;

    @Override
    void close();
}
