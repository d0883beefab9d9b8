package org.enrollnotifier.directory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Users from a CSV export: Active Directory through PowerShell's Export-Csv or csvde, Entra ID's
 * "Download users", or a plain list. Streams the file, so its size is not limited by memory.
 */
public final class CsvUserSource {

    private final Path file;
    private final FieldMapping mapping;

    /** @param mapping which columns fill which fields; null to pick them from the header automatically */
    public CsvUserSource(Path file, FieldMapping mapping) {
        this.file = Objects.requireNonNull(file, "file");
        this.mapping = Objects.requireNonNullElseGet(mapping, FieldMapping::csvDefault);
    }

    public void read(ImportSink sink) throws ImportFailure {
        UserImport run = new UserImport(file.toString(), sink);
        try (CsvTable table = CsvTable.open(file)) {
            Map<UserField, Integer> columns = columnsOf(table);
            table.read(sink::cancelled, run::problem, row -> run.row(row.location(), row.values(columns)));
        }
        run.finish();
    }

    private Map<UserField, Integer> columnsOf(CsvTable table) throws ImportFailure {
        Map<UserField, Integer> columns = table.columns(mapping);
        for (UserField field : mapping.overriddenFields()) {
            if (!columns.containsKey(field)) {
                throw new ImportFailure("The file " + file + " has no column \"" + mapping.source(field).orElseThrow()
                        + "\" for " + field.camelCaseName() + ".");
            }
        }
        if (!columns.containsKey(UserField.USERNAME)) {
            throw new ImportFailure("The file " + file + " has no username column; expected one of "
                    + String.join(", ", mapping.candidates(UserField.USERNAME)) + ".");
        }
        return columns;
    }
}
