package org.enrollnotifier.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which users to list by enrollment status.
 *
 * @param type the enrollment type for {@link Mode#ENROLLED_WITH} and {@link Mode#NOT_ENROLLED_WITH}; null otherwise
 */
public record EnrollmentFilter(Mode mode, EnrollmentType type) {

    public enum Mode { ALL, NOT_ENROLLED, ENROLLED, NOT_ENROLLED_WITH, ENROLLED_WITH }

    public static final EnrollmentFilter ALL_USERS = new EnrollmentFilter(Mode.ALL, null);
    public static final EnrollmentFilter NOT_ENROLLED = new EnrollmentFilter(Mode.NOT_ENROLLED, null);
    public static final EnrollmentFilter ENROLLED = new EnrollmentFilter(Mode.ENROLLED, null);

    public EnrollmentFilter {
        Objects.requireNonNull(mode, "mode");
        boolean needsType = mode == Mode.ENROLLED_WITH || mode == Mode.NOT_ENROLLED_WITH;
        if (needsType != (type != null)) {
            throw new IllegalArgumentException(mode + (needsType ? " needs" : " takes no") + " enrollment type");
        }
    }

    public static EnrollmentFilter notEnrolledWith(EnrollmentType type) {
        return new EnrollmentFilter(Mode.NOT_ENROLLED_WITH, type);
    }

    public static EnrollmentFilter enrolledWith(EnrollmentType type) {
        return new EnrollmentFilter(Mode.ENROLLED_WITH, type);
    }

    /** Every filter in the order the operator sees them. */
    public static List<EnrollmentFilter> choices() {
        List<EnrollmentFilter> choices = new ArrayList<>(List.of(ALL_USERS, NOT_ENROLLED, ENROLLED));
        for (EnrollmentType type : EnrollmentType.values()) {
            choices.add(notEnrolledWith(type));
        }
        for (EnrollmentType type : EnrollmentType.values()) {
            choices.add(enrolledWith(type));
        }
        return choices;
    }

    /** Whether a user enrolled with the types of {@code enrolledTypes} (see {@link EnrollmentType#toMask}) is listed. */
    public boolean acceptsEnrolledTypes(int enrolledTypes) {
        return switch (mode) {
            case ALL -> true;
            case NOT_ENROLLED -> enrolledTypes == 0;
            case ENROLLED -> enrolledTypes != 0;
            case NOT_ENROLLED_WITH -> (enrolledTypes & type.bit()) == 0;
            case ENROLLED_WITH -> (enrolledTypes & type.bit()) != 0;
        };
    }

    public String label() {
        return switch (mode) {
            case ALL -> "All users";
            case NOT_ENROLLED -> "Not enrolled";
            case ENROLLED -> "Enrolled";
            case NOT_ENROLLED_WITH -> "Not enrolled with " + type.label();
            case ENROLLED_WITH -> "Enrolled with " + type.label();
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
