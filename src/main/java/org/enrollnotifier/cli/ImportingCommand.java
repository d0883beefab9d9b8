package org.enrollnotifier.cli;

import java.io.PrintWriter;
import org.enrollnotifier.app.DirectoryImport;
import org.enrollnotifier.app.DirectoryImport.UserSource;
import org.enrollnotifier.app.ImportFailed;
import org.enrollnotifier.app.ImportListener;
import org.enrollnotifier.app.ImportResult;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.StoreKind;
import picocli.CommandLine.Option;

/** An import subcommand: the store it fills, progress on stderr, the outcome and report path on stdout. */
abstract class ImportingCommand extends DataFolderCommand {

    @Option(names = "--store", paramLabel = "NAME", required = true,
            description = "Identity store to create, or to re-import when it exists.")
    String store;

    int importInto(Workspace workspace, StoreKind kind, String source, UserSource reader) {
        return report(() -> new DirectoryImport(workspace).importUsers(store, kind, source, reader, progress()));
    }

    /** An import, run. */
    @FunctionalInterface
    interface Import {
        ImportResult run() throws ImportFailed;
    }

    /** Prints the outcome and its report path, or why nothing changed. */
    int report(Import work) {
        try {
            out().println(work.run().summary());
            return 0;
        } catch (ImportFailed e) {
            err().println(e.getMessage());
            return EnrollNotifierCommand.FAILED;
        }
    }

    ImportListener progress() {
        return new Progress(err());
    }

    /** Records read, at most once a second. */
    private static final class Progress implements ImportListener {
        private final PrintWriter err;
        private final OncePerSecond pace = new OncePerSecond(false);

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(long recordsRead) {
            if (pace.due()) {
                err.println("read " + recordsRead + " records");
                err.flush();
            }
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
