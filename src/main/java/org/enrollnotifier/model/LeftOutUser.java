package org.enrollnotifier.model;

import java.util.Objects;

/** An addressed user who gets no message, and why. */
public record LeftOutUser(DirectoryUser user, LeftOutReason reason) {
    public LeftOutUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(reason, "reason");
    }
}
