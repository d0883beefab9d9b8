package org.enrollnotifier.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line as a terminal would, keeping what it printed; commands must not open the window. */
final class CommandRun {

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine commandLine = EnrollNotifierCommand.commandLine(dir -> {
            throw new AssertionError("a command must not open the window");
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** Forgets what was printed so far. */
    void reset() {
        out = new StringWriter();
        err = new StringWriter();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
