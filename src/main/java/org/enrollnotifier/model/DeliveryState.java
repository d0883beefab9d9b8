package org.enrollnotifier.model;

/** Where one recipient's message stands: {@code QUEUED → SENDING → SENT | FAILED}, or {@code RETRY} later. */
public enum DeliveryState {
    QUEUED, SENDING, SENT, FAILED, RETRY;

    public boolean isFinal() {
        return this == SENT || this == FAILED;
    }
}
