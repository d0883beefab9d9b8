package org.enrollnotifier.model;

/** Why a user the operator addressed gets no message. */
public enum LeftOutReason {
    NO_EMAIL("no email address"),
    ALREADY_ENROLLED("already enrolled with every selected type"),
    DUPLICATE_ADDRESS("same address as another recipient");

    private final String label;

    LeftOutReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
