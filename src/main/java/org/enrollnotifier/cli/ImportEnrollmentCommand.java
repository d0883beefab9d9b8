package org.enrollnotifier.cli;

import java.nio.file.Path;
import org.enrollnotifier.app.DirectoryImport;
import org.enrollnotifier.app.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code import enrollment FILE --store NAME}: who has enrolled with what, joined by username or email. */
@Command(name = "enrollment", description = "Update who has enrolled with what from a CSV report:"
        + " username (or email),enrolledTypes,enrolledAt.")
final class ImportEnrollmentCommand extends ImportingCommand {

    @Parameters(paramLabel = "FILE", description = "The enrollment report (CSV with a header row).")
    private Path file;

    @Override
    int run(Workspace workspace) {
        return report(() -> new DirectoryImport(workspace).importEnrollment(store, file, progress()));
    }
}
