package org.enrollnotifier.store;

/** A database problem, worded for the operator; the cause keeps the technical detail for the log. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
