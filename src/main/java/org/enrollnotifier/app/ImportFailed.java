package org.enrollnotifier.app;

/** An import that changed nothing: the source could not be read, or the operator cancelled it. */
public class ImportFailed extends Exception {

    private final boolean cancelled;

    ImportFailed(String message, boolean cancelled, Throwable cause) {
        super(message, cause);
        this.cancelled = cancelled;
    }

    public boolean cancelled() {
        return cancelled;
    }
}
