package org.enrollnotifier.directory;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;

/**
 * The row rules every user source shares: what makes a row a user, what is kept with a gap and what is
 * skipped. One instance per read, because external ids must be unique within one source.
 */
final class UserRowValidator {

    /** Longer values are export accidents or abuse, never a name or address. */
    static final int MAX_VALUE_LENGTH = 1024;

    private final Consumer<ImportProblem> problems;
    private final Set<String> externalIds = new HashSet<>();

    UserRowValidator(Consumer<ImportProblem> problems) {
        this.problems = problems;
    }

    /** The user {@code row} describes, or empty when the row is skipped; problems go to the consumer. */
    Optional<DirectoryUser> validate(String location, Map<UserField, String> row) {
        Row values = new Row(location, row);
        String username = values.username();
        if (username == null) {
            return Optional.empty();
        }
        String externalId = Optional.ofNullable(values.optional(UserField.EXTERNAL_ID))
                .orElse(username.toLowerCase(Locale.ROOT));
        if (!externalIds.add(externalId.toLowerCase(Locale.ROOT))) {
            values.problem(UserField.EXTERNAL_ID, "'" + externalId + "' appeared on an earlier row; row skipped");
            return Optional.empty();
        }
        String firstName = values.optional(UserField.FIRST_NAME);
        String lastName = values.optional(UserField.LAST_NAME);
        String displayName = Optional.ofNullable(values.optional(UserField.DISPLAY_NAME))
                .orElseGet(() -> fullName(firstName, lastName).orElse(username));
        return Optional.of(new DirectoryUser(0, 0, "", externalId, username, firstName, lastName, displayName,
                values.email(), values.optional(UserField.DEPARTMENT), values.enrolledTypes(), values.enrolledAt()));
    }

    private static Optional<String> fullName(String firstName, String lastName) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static String tooLong(String value) {
        return "is too long (" + value.length() + " characters, at most " + MAX_VALUE_LENGTH + ")";
    }

    /** One row's values, reporting each gap under the row's location. */
    private final class Row {

        private final String location;
        private final Map<UserField, String> values;

        Row(String location, Map<UserField, String> values) {
            this.location = location;
            this.values = values;
        }

        String username() {
            String username = present(UserField.USERNAME);
            if (username == null) {
                problem(UserField.USERNAME, "is missing; row skipped");
            } else if (username.length() > MAX_VALUE_LENGTH) {
                problem(UserField.USERNAME, tooLong(username) + "; row skipped");
                return null;
            }
            return username;
        }

        String optional(UserField field) {
            String value = present(field);
            if (value != null && value.length() > MAX_VALUE_LENGTH) {
                problem(field, tooLong(value) + "; left empty");
                return null;
            }
            return value;
        }

        String email() {
            String email = optional(UserField.EMAIL);
            if (email != null && !isMailbox(email)) {
                problem(UserField.EMAIL, "'" + email + "' is not a valid email address; kept as no email");
                return null;
            }
            return email;
        }

        Set<EnrollmentType> enrolledTypes() {
            String list = optional(UserField.ENROLLED_TYPES);
            if (list == null) {
                return EnumSet.noneOf(EnrollmentType.class);
            }
            EnrollmentValues.Types types = EnrollmentValues.types(list);
            if (!types.unknown().isEmpty()) {
                problem(UserField.ENROLLED_TYPES, types.unknownReason());
            }
            return types.known();
        }

        Instant enrolledAt() {
            String text = optional(UserField.ENROLLED_AT);
            if (text == null) {
                return null;
            }
            Optional<Instant> instant = EnrollmentValues.instant(text);
            if (instant.isEmpty()) {
                problem(UserField.ENROLLED_AT, "'" + text + "' is not a date or ISO-8601 time; left empty");
            }
            return instant.orElse(null);
        }

        void problem(UserField field, String reason) {
            problems.accept(new ImportProblem(location, field.camelCaseName(), reason));
        }

        private String present(UserField field) {
            String value = values.get(field);
            if (value == null) {
                return null;
            }
            String trimmed = value.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }
    }

    /** One plain addr-spec ("ann@example.org") whose domain has a dot; no display name, no group. */
    private static boolean isMailbox(String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            String addrSpec = address.getAddress();
            return address.getPersonal() == null && !address.isGroup() && addrSpec.equals(text)
                    && addrSpec.substring(addrSpec.lastIndexOf('@') + 1).contains(".");
        } catch (AddressException invalid) {
            return false;
        }
    }
}
