package org.enrollnotifier.cli;

import java.io.Console;
import java.util.Map;

/** Secrets on the command line come from an environment variable or a prompt, never from an argument. */
final class Passwords {

    private Passwords() {
    }

    /** The variable's value, else what the operator types at the prompt; null when neither is there. */
    static char[] fromEnvironmentOrPrompt(String variable, Map<String, String> environment, Console console,
                                          String prompt, Object... promptArguments) {
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        return console == null ? null : console.readPassword(prompt, promptArguments);
    }
}
