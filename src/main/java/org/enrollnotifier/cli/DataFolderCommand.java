package org.enrollnotifier.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.enrollnotifier.app.FolderHolder;
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the data folder: opens it, runs, closes it; start-up problems become exit code 1. */
abstract class DataFolderCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(DataFolderCommand.class.getName());

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        Workspace workspace;
        try {
            workspace = Workspace.open(((EnrollNotifierCommand) spec.root().userObject()).dataFolder(),
                    FolderHolder.command(spec.qualifiedName(" ").substring(spec.root().name().length()).strip()));
        } catch (StartupProblem e) {
            LOG.log(Level.SEVERE, "Cannot open the data folder", e);
            spec.commandLine().getErr().println(e.getMessage());
            return EnrollNotifierCommand.FAILED;
        }
        try (workspace) {
            return run(workspace);
        }
    }

    abstract int run(Workspace workspace) throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
