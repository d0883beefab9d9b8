package org.enrollnotifier.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the operator composed: the subject and message template (with placeholders), the
 * enrollment types asked for, and a human summary of whom it addresses.
 */
public record NotificationDraft(String subject, String messageTemplate, Set<EnrollmentType> types, String audience) {

    public NotificationDraft {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(messageTemplate, "messageTemplate");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("at least one enrollment type is required");
        }
        types = Collections.unmodifiableSet(EnumSet.copyOf(types));
        audience = Objects.requireNonNullElse(audience, "");
    }
}
