package org.enrollnotifier.directory;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.enrollnotifier.model.EnrollmentType;

/**
 * What an enrollment report says about one user, to be joined to the imported users.
 *
 * @param key        the username, or the email address when {@code byEmail}; trimmed, case as in the file
 * @param types      empty when the report says the user has not enrolled
 * @param enrolledAt null when the report does not say
 */
public record EnrollmentRecord(String key, boolean byEmail, Set<EnrollmentType> types, Instant enrolledAt) {

    public EnrollmentRecord {
        Objects.requireNonNull(key, "key");
        types = Collections.unmodifiableSet(types.isEmpty()
                ? EnumSet.noneOf(EnrollmentType.class) : EnumSet.copyOf(types));
    }
}
