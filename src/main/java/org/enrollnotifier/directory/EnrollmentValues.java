package org.enrollnotifier.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.enrollnotifier.model.EnrollmentType;

/** Reads the enrollment columns the way exports and operators write them. */
final class EnrollmentValues {

    /** The types a list named, and the names that are no type. */
    record Types(Set<EnrollmentType> known, List<String> unknown) {

        /** The problem reason for the unknown names, naming the valid ones. */
        String unknownReason() {
            String valid = Arrays.stream(EnrollmentType.values()).map(EnrollmentType::label)
                    .collect(Collectors.joining(", "));
            return "names unknown enrollment types " + String.join(", ", unknown)
                    + " (known: " + valid + "); kept the known ones";
        }
    }

    /** Compiled once: {@code String.split} compiles a pattern of more than one character on every call, per row of an import. */
    private static final Pattern SEPARATOR = Pattern.compile("[;,|]");

    private EnrollmentValues() {
    }

    /** A list separated by ';', ',' or '|' of labels ("Security Questions") or enum names ("SMS"), any case. */
    static Types types(String list) {
        Set<EnrollmentType> known = EnumSet.noneOf(EnrollmentType.class);
        List<String> unknown = new ArrayList<>();
        for (String name : SEPARATOR.split(list)) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty()) {
                type(trimmed).ifPresentOrElse(known::add, () -> unknown.add(trimmed));
            }
        }
        return new Types(known, unknown);
    }

    /** An ISO-8601 instant ("2025-03-01T09:30:00Z") or date ("2025-03-01", taken as midnight UTC). */
    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<EnrollmentType> type(String name) {
        for (EnrollmentType type : EnrollmentType.values()) {
            if (type.label().equalsIgnoreCase(name) || type.name().equalsIgnoreCase(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
