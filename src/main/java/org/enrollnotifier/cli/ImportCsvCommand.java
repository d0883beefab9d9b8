package org.enrollnotifier.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.enrollnotifier.app.DirectoryImport.UserSource;
import org.enrollnotifier.app.UserSources;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.StoreKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code import csv FILE --store NAME [--kind K] [--map field=column …]}. */
@Command(name = "csv", description = "Import users from a CSV export (Get-ADUser | Export-Csv, csvde, Entra ID,"
        + " or username,firstName,lastName,email). Columns are matched by their headers.")
final class ImportCsvCommand extends ImportingCommand {

    @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8, with or without BOM; , or ; delimited).")
    private Path file;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "CSV",
            description = "What the store is: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private StoreKind kind;

    @Option(names = "--map", paramLabel = "FIELD=COLUMN",
            description = "Read a field from the named column, e.g. --map email=Mail. Fields: externalId, username,"
                    + " firstName, lastName, displayName, email, department, enrolledTypes, enrolledAt.")
    private Map<String, String> columns = new LinkedHashMap<>();

    @Override
    int run(Workspace workspace) {
        UserSource source;
        try {
            source = UserSources.csv(file, columns);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--map: " + e.getMessage());
        }
        return importInto(workspace, kind, file.toAbsolutePath().toString(), source);
    }
}
