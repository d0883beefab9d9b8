package org.enrollnotifier.directory;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.ImportProblem;

/**
 * The row rules every user source shares: what makes a row a user, what is kept with a gap and what is
 * skipped. One instance per read, because external ids must be unique within one source.
 */
final class UserRowValidator {

    private final Consumer<ImportProblem> problems;
    private final Set<String> externalIds = new HashSet<>();

    UserRowValidator(Consumer<ImportProblem> problems) {
        this.problems = problems;
    }

    /** The user {@code row} describes, or empty when the row is skipped; problems go to the consumer. */
    Optional<DirectoryUser> validate(String location, Map<UserField, String> row) {
        RowValues values = new RowValues(location, row, problems);
        String username = values.required(UserField.USERNAME);
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
}
