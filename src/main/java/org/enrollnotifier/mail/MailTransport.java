package org.enrollnotifier.mail;

/** A way out for messages: an SMTP server, or the pickup folder. */
public interface MailTransport {

    /** Opens a connection that can send many messages, one after the other. */
    MailConnection open() throws MailFailure;

    /** For the operator: where messages go ("smtp.example.com:587 (STARTTLS)", "pickup folder /…"). */
    String describe();
}
