package org.enrollnotifier.model;

/** An identity store with the number of users it holds. */
public record StoreSummary(IdentityStore store, long userCount) {
}
