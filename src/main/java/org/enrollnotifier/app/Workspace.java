package org.enrollnotifier.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.enrollnotifier.app.demo.DemoSeeder;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.NotificationRepository;
import org.enrollnotifier.store.StoreException;

/**
 * One data folder, opened for this process: its lock, its log and its database, seeded with demo
 * identity stores the first time. Both the window and the command line start here.
 */
public final class Workspace implements AutoCloseable {

    static final String DATABASE_FILE = "enroll-notifier.db";
    private static final Logger LOG = OperatorLog.logger(Workspace.class);

    private final Path folder;
    private final InstanceLock lock;
    private final Database database;
    private final NotificationRepository outbox;
    private final AtomicBoolean demoDataPending;

    private Workspace(Path folder, InstanceLock lock, Database database, NotificationRepository outbox,
                      boolean demoDataPending) {
        this.folder = folder;
        this.lock = lock;
        this.database = database;
        this.outbox = outbox;
        this.demoDataPending = new AtomicBoolean(demoDataPending);
    }

    /** Opened for {@link FolderHolder#ANOTHER_COPY}: see {@link #open(Path, FolderHolder)}. */
    public static Workspace open(Path folder) throws StartupProblem {
        return open(folder, FolderHolder.ANOTHER_COPY);
    }

    /** @param holder what this process is, as a second copy that finds the folder in use is told */
    public static Workspace open(Path folder, FolderHolder holder) throws StartupProblem {
        Workspace workspace = openLeavingDemoData(folder, holder);
        try {
            workspace.writeDemoDataIfNew();
            return workspace;
        } catch (RuntimeException e) {
            throw startFailed(workspace::close, e);
        }
    }

    /**
     * Like {@link #open}, but a new database gets its demo identity stores only from
     * {@link #writeDemoDataIfNew}, so the window can start showing itself meanwhile (first starts
     * reached their first frame 0.1–0.8 s sooner, in 6 alternated pairs).
     */
    public static Workspace openLeavingDemoData(Path folder, FolderHolder holder) throws StartupProblem {
        createFolder(folder);
        InstanceLock lock = InstanceLock.acquire(folder, holder);
        try {
            OperatorLog.writeTo(folder);
            Database database = Database.open(folder.resolve(DATABASE_FILE));
            NotificationRepository outbox = new NotificationRepository();
            int interrupted = database.write(outbox::requeueInFlight);
            if (interrupted > 0) {
                LOG.warning(() -> interrupted + " messages were claimed for sending when Enroll Notifier last"
                        + " stopped; they are queued again");
            }
            return new Workspace(folder, lock, database, outbox, database.wasCreated());
        } catch (RuntimeException e) {
            throw startFailed(lock::close, e);
        }
    }

    /** Releases what was opened; a failure of the database is one the operator can act on, the rest propagate. */
    private static StartupProblem startFailed(Runnable release, RuntimeException e) {
        release.run();
        if (e instanceof StoreException) {
            return new StartupProblem(e.getMessage(), e);
        }
        throw e;
    }

    /** Writes the demo identity stores in one transaction, if this workspace created its database and has not yet. */
    public void writeDemoDataIfNew() {
        if (demoDataPending.compareAndSet(true, false)) {
            new DemoSeeder().seed(database);
            LOG.info(() -> "Created " + database.file() + " with demo identity stores");
        }
    }

    private static void createFolder(Path folder) throws StartupProblem {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StartupProblem("The data folder " + folder + " cannot be created: " + e.getMessage()
                    + ". Choose another with --data-dir or " + DataFolder.HOME_VARIABLE + ".", e);
        }
    }

    public Path folder() {
        return folder;
    }

    public Database database() {
        return database;
    }

    /** The outbox, one for the data folder: its statements for delivering are prepared once. */
    public NotificationRepository outbox() {
        return outbox;
    }

    @Override
    public void close() {
        database.close();
        lock.close();
    }
}
