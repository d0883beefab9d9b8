package org.enrollnotifier.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The technical detail behind every short message the operator sees goes to a log file in the data folder. */
public final class OperatorLog {

    static final String FILE_PATTERN = "enroll-notifier-%g.log";
    private static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int FILES_KEPT = 3;

    private static Handler fileHandler;

    private OperatorLog() {
    }

    /**
     * Sends all log records to a rotating file in the data folder instead of the console, where
     * stack traces would only alarm an operator; replaces any earlier file handler.
     */
    static synchronized void writeTo(Path dataFolder) {
        Logger root = Logger.getLogger("");
        try {
            Handler handler = new FileHandler(dataFolder.resolve(FILE_PATTERN).toString(), MAX_BYTES, FILES_KEPT, true);
            handler.setFormatter(new SimpleFormatter());
            handler.setEncoding("UTF-8");
            if (fileHandler != null) {
                root.removeHandler(fileHandler);
                fileHandler.close();
            }
            fileHandler = handler;
            keepOffConsole();
            root.addHandler(handler);
        } catch (IOException e) {
            root.log(Level.WARNING, "Cannot write the log file in " + dataFolder, e);
        }
    }

    /**
     * Sends no log record to the console, where a stack trace would only alarm an operator. Called
     * before anything else: a problem that stops the start (another instance holds the data folder)
     * is logged before the folder's log file is open, and the operator is told it in one sentence anyway.
     */
    public static synchronized void keepOffConsole() {
        Logger root = Logger.getLogger("");
        for (Handler console : root.getHandlers()) {
            if (console instanceof ConsoleHandler) {
                root.removeHandler(console);
            }
        }
    }

    /** The file being written now; the handler rotates it to {@code -1} and {@code -2} when it is full. */
    public static Path currentFile(Path dataFolder) {
        return dataFolder.resolve(FILE_PATTERN.replace("%g", "0"));
    }

    public static Logger logger(Class<?> owner) {
        return Logger.getLogger(owner.getName());
    }
}
