package org.enrollnotifier.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Keeps a second copy of the application off a data folder that one copy already uses. The copy
 * that holds the folder writes what it is into the lock file, so the second one can say so: a
 * window, or a command such as an import.
 */
final class InstanceLock implements AutoCloseable {

    static final String FILE_NAME = "enroll-notifier.lock";
    /**
     * The byte that is locked, past the holder's words, which stay readable where locks are
     * mandatory (Windows). Earlier versions lock the whole file, so either locks out the other.
     */
    private static final long LOCKED_BYTE = 1L << 40;
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path dataFolder, FolderHolder holder) throws StartupProblem {
        Path file = dataFolder.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StartupProblem("The data folder " + dataFolder + " cannot be written. Check that it is"
                    + " writable by you, or choose another with --data-dir.", e);
        }
        try {
            FileLock lock = channel.tryLock(LOCKED_BYTE, 1, false);
            if (lock != null) {
                describe(channel, holder);
                return new InstanceLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // this process holds it already: the same answer as another process holding it
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupProblem("The data folder " + dataFolder + " could not be locked for this copy of"
                    + " Enroll Notifier: " + e.getMessage(), e);
        }
        closeQuietly(channel);
        throw new StartupProblem("The data folder " + dataFolder + " is in use by " + heldBy(file));
    }

    /** Process id, since when, what holds the folder and the advice, one per line. */
    private static void describe(FileChannel channel, FolderHolder holder) throws IOException {
        String words = String.join("\n", Long.toString(ProcessHandle.current().pid()),
                SINCE.format(LocalDateTime.now()), holder.what(), holder.advice()) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(words.getBytes(StandardCharsets.UTF_8)), 0);
    }

    /** The rest of the message: what holds the folder, as the holder wrote it (earlier versions do not). */
    private static String heldBy(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() >= 4) {
                return lines.get(2) + " (process " + lines.get(0) + ", since " + lines.get(1) + "). " + lines.get(3);
            }
        } catch (IOException unreadable) {
            // an earlier version's lock covers the whole file
        }
        return "another copy of Enroll Notifier. Switch to its window, or wait for its command to finish,"
                + " then try again.";
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to release beyond the channel itself
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the lock goes with the channel anyway
        }
        closeQuietly(channel);
    }
}
