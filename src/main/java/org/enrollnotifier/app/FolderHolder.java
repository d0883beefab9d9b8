package org.enrollnotifier.app;

/**
 * What holds a data folder, as a second copy of the application that finds it in use is told: the
 * window, or a command that may run for minutes (an import of a million users, a send).
 *
 * @param what   what holds it, to end "The data folder … is in use by"
 * @param advice what the operator can do about it, a sentence
 */
public record FolderHolder(String what, String advice) {

    private static final String WAIT = "Wait for it to finish, then try again.";

    public static final FolderHolder WINDOW = new FolderHolder("Enroll Notifier's window",
            "Switch to that window, or close it first.");
    /** A program on the application's classes, not its window nor one of its commands. */
    public static final FolderHolder ANOTHER_COPY = new FolderHolder("another copy of Enroll Notifier", WAIT);

    /** @param name the command as typed, such as "import csv" */
    public static FolderHolder command(String name) {
        return new FolderHolder("the Enroll Notifier command \"" + name + "\"", WAIT);
    }
}
