package org.enrollnotifier.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Keeps a second copy of the application off a data folder that one copy already uses. */
final class InstanceLock implements AutoCloseable {

    static final String FILE_NAME = "enroll-notifier.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path dataFolder) throws StartupProblem {
        Path file = dataFolder.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StartupProblem("The data folder " + dataFolder + " cannot be written. Check that it is"
                    + " writable by you, or choose another with --data-dir.", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
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
        throw new StartupProblem("Enroll Notifier is already running on the data folder " + dataFolder
                + ". Switch to that window, or close it first.");
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
