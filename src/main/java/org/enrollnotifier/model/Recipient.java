package org.enrollnotifier.model;

import java.util.Objects;

/** A user who will get the message, at this address. */
public record Recipient(DirectoryUser user, String address) {
    public Recipient {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(address, "address");
    }
}
