package org.enrollnotifier.model;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A user account of an identity store, with what it has enrolled in.
 *
 * @param externalId  the source's stable identifier (objectGUID, DN, …), unique within the store
 * @param email       null when the account has no email address
 * @param enrolledAt  when the user last enrolled; null if never
 */
public record DirectoryUser(
        long id,
        long storeId,
        String storeName,
        String externalId,
        String username,
        String firstName,
        String lastName,
        String displayName,
        String email,
        String department,
        Set<EnrollmentType> enrolledTypes,
        Instant enrolledAt) {

    public DirectoryUser {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(username, "username");
        firstName = Objects.requireNonNullElse(firstName, "");
        lastName = Objects.requireNonNullElse(lastName, "");
        displayName = Objects.requireNonNullElse(displayName, "");
        department = Objects.requireNonNullElse(department, "");
        enrolledTypes = enrolledTypes.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(EnrollmentType.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(enrolledTypes));
    }

    public boolean isEnrolled() {
        return !enrolledTypes.isEmpty();
    }
}
