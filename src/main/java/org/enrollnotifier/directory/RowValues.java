package org.enrollnotifier.directory;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.ImportProblem;

/**
 * The values of one record, read field by field under the shared rules: on one line, trimmed, empty
 * means missing, at most {@value #MAX_VALUE_LENGTH} characters. Each gap is reported under the
 * record's location.
 */
final class RowValues {

    /** Longer values are export accidents or abuse, never a name or address. */
    static final int MAX_VALUE_LENGTH = 1024;

    /**
     * Line breaks, tabs and other control characters (a quoted CSV field over several lines, an
     * LDIF value), with the spaces around them: every field is one line wherever it shows, in the
     * user table, a message's greeting and its To header (which refuses a name with a line break:
     * such a user could not be sent to) and the commands' tab-separated output alike.
     */
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\p{Cntrl}[\\s\\p{Cntrl}]*");

    private final String location;
    private final Map<UserField, String> values;
    private final Consumer<ImportProblem> problems;

    RowValues(String location, Map<UserField, String> values, Consumer<ImportProblem> problems) {
        this.location = location;
        this.values = values;
        this.problems = problems;
    }

    /** The value the record cannot do without, or null after reporting that the row is skipped. */
    String required(UserField field) {
        String value = present(field);
        if (value == null) {
            problem(field, "is missing; row skipped");
        } else if (value.length() > MAX_VALUE_LENGTH) {
            problem(field, tooLong(value) + "; row skipped");
            return null;
        }
        return value;
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

    /** The known types of a list separated by ';', ',' or '|'; unknown names are reported and dropped. */
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
        String trimmed = oneLine(value).strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String oneLine(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == '\u007f') {
                return LINE_BREAKS.matcher(value).replaceAll(" ");
            }
        }
        return value;
    }

    private static String tooLong(String value) {
        return "is too long (" + value.length() + " characters, at most " + MAX_VALUE_LENGTH + ")";
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
