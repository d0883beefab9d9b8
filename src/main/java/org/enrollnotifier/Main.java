package org.enrollnotifier;

import org.enrollnotifier.cli.EnrollNotifierCommand;
import org.enrollnotifier.ui.EnrollNotifierApp;
import picocli.CommandLine;

/** Entry point: the command line, which opens the window when no command is given. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = new CommandLine(new EnrollNotifierCommand(EnrollNotifierApp::launch)).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
