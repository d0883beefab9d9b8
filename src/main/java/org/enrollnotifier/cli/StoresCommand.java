package org.enrollnotifier.cli;

import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.StoreSummary;
import picocli.CommandLine.Command;

/** {@code stores}: one line per identity store, its name and user count, tab-separated. */
@Command(name = "stores", description = "List the identity stores: name<TAB>user count.")
final class StoresCommand extends DataFolderCommand {

    @Override
    int run(Workspace workspace) {
        for (StoreSummary summary : new UserDirectory(workspace).stores()) {
            out().println(TabSeparated.line(summary.store().name(), Long.toString(summary.userCount())));
        }
        return 0;
    }
}
