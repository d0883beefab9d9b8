package org.enrollnotifier.model;

/** Where one recipient's message stands: {@code QUEUED → SENDING → SENT | FAILED}, or {@code RETRY} later. */
public enum DeliveryState {
    QUEUED("Queued"), SENDING("Sending"), SENT("Sent"), FAILED("Failed"), RETRY("Waiting to retry");

    private final String label;

    DeliveryState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
