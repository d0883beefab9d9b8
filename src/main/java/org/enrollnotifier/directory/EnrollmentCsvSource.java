package org.enrollnotifier.directory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * An enrollment report: a CSV file whose header names the key column ({@code username}, or
 * {@code email} when users are matched by address), {@code enrolledTypes} and optionally
 * {@code enrolledAt}. Header names, delimiters and encodings are those {@link CsvUserSource} accepts.
 */
public final class EnrollmentCsvSource {

    private final Path file;

    public EnrollmentCsvSource(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public void read(EnrollmentSink sink) throws ImportFailure {
        try (CsvTable table = CsvTable.open(file)) {
            Map<UserField, Integer> columns = table.columns(FieldMapping.csvDefault());
            boolean byEmail = !columns.containsKey(UserField.USERNAME);
            UserField key = byEmail ? UserField.EMAIL : UserField.USERNAME;
            if (!columns.containsKey(key) || !columns.containsKey(UserField.ENROLLED_TYPES)) {
                throw new ImportFailure("The file " + file
                        + " needs a username or email column and an enrolledTypes column in its header.");
            }
            table.read(sink::cancelled, sink::problem, row -> {
                RowValues values = new RowValues(row.location(), row.values(columns), sink::problem);
                String keyValue = values.required(key);
                if (keyValue != null) {
                    sink.record(new EnrollmentRecord(keyValue, byEmail, values.enrolledTypes(), values.enrolledAt()));
                }
            });
        }
    }
}
