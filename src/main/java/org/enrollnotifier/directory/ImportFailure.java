package org.enrollnotifier.directory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The source could not be read at all. The message is one plain sentence for the operator naming the
 * file or URL; it never holds a stack trace or a password.
 */
public class ImportFailure extends Exception {

    public ImportFailure(String message) {
        super(message);
    }

    public ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }

    static ImportFailure cannotRead(Path file, IOException cause) {
        if (cause instanceof NoSuchFileException) {
            return new ImportFailure("The file " + file + " does not exist.", cause);
        }
        if (Files.isDirectory(file)) {
            return new ImportFailure(file + " is a folder; choose a file in it.", cause);
        }
        if (cause instanceof AccessDeniedException) {
            return new ImportFailure("The file " + file + " cannot be read: access denied.", cause);
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ImportFailure("The file " + file + " cannot be read: " + reason + ".", cause);
    }
}
