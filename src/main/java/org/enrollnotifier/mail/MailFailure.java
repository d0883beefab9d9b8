package org.enrollnotifier.mail;

/**
 * A message that did not go, classified the way a mail queue must act on it.
 */
public class MailFailure extends Exception {

    /** What the deliverer should do about it. */
    public enum Kind {
        /** 4xx reply, dropped connection, timeout: try this message again later. */
        TRANSIENT,
        /** 5xx reply about this message or recipient: give up on it, keep the reply. */
        PERMANENT,
        /** The server refuses us altogether (cannot connect, TLS or login refused): stop and tell the operator. */
        FATAL
    }

    private final Kind kind;
    private final String reply;

    /**
     * @param reply the server's reply (e.g. "550 5.1.1 User unknown") or a plain description of what went wrong
     */
    public MailFailure(Kind kind, String reply, Throwable cause) {
        super(reply, cause);
        this.kind = kind;
        this.reply = reply;
    }

    public Kind kind() {
        return kind;
    }

    public String reply() {
        return reply;
    }
}
