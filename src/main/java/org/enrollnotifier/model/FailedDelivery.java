package org.enrollnotifier.model;

/** A recipient whose message could not be delivered, with the server's reply. */
public record FailedDelivery(String displayName, String address, String reply) {
}
