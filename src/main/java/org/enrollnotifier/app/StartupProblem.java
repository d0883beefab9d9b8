package org.enrollnotifier.app;

/** Why the application cannot start on a data folder, in a sentence the operator can act on. */
public class StartupProblem extends Exception {
    public StartupProblem(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupProblem(String message) {
        super(message);
    }
}
