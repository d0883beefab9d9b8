package org.enrollnotifier.cli;

import java.nio.file.Path;
import org.enrollnotifier.app.UserSources;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.StoreKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code import ldif FILE --store NAME}. */
@Command(name = "ldif", description = "Import the person entries of an LDIF file (e.g. ldapsearch output).")
final class ImportLdifCommand extends ImportingCommand {

    @Parameters(paramLabel = "FILE", description = "The LDIF file.")
    private Path file;

    @Override
    int run(Workspace workspace) {
        return importInto(workspace, StoreKind.LDAP, file.toAbsolutePath().toString(), UserSources.ldif(file));
    }
}
