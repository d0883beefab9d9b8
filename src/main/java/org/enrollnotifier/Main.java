package org.enrollnotifier;

import org.enrollnotifier.cli.EnrollNotifierCommand;
import org.enrollnotifier.ui.EnrollNotifierApp;

/** Entry point: the command line, which opens the window when no command is given. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = EnrollNotifierCommand.commandLine(EnrollNotifierApp::launch).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
