package org.enrollnotifier.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The application's SQLite file: validated before anything is written, migrated to the current
 * schema, then shared by the repositories through {@link #read} and {@link #write}.
 *
 * <p>One connection serialises the writes, and the work with TEMP tables; reads go through a
 * {@link ReadConnection} of their own, so they do not wait for a write. SQLite's own locking
 * protects the file against other processes, and the busy timeout makes a concurrent writer wait
 * instead of failing at once.
 */
public final class Database implements AutoCloseable {

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /**
     * Reads through memory-mapped pages instead of a read() per page: a million-user listing jumps
     * between index and table pages, and the copies cost more than the SQL (SQLite's own limit).
     */
    static final long MAPPED_BYTES = 0x7fff0000L;
    /** SQLite's default page cache, in KiB. */
    private static final int USUAL_CACHE_KIB = 2_000;
    /** The database file's page cache during a bulk change, in KiB; native memory, not heap. */
    private static final int BULK_CACHE_KIB = 256 * 1024;
    /**
     * Helper threads a large sort may use besides the connection's own, each sorting a run of keys
     * while the connection reads on: building a million users' indexes in runs of 8 MiB took 1.35 s
     * with two, 1.47 s with one, 1.86 s with none (two cores). A sort held in memory at once, as the
     * usual page cache allows for a few thousand rows, uses none.
     */
    private static final int SORT_HELPER_THREADS = 2;
    private final Path file;
    private final Connection connection;
    private final MemoryMap map = new MemoryMap();
    private final ReadConnection reader;
    private final int versionAtOpen;
    private final WalCheckpointer checkpointer;
    private final ReusedStatements transactionControl = new ReusedStatements();
    /** Work waiting for {@link #writeShared}'s next transaction; guarded by itself, not by the database. */
    private final List<SharedWrite<?>> sharedWrites = new ArrayList<>();

    private Database(Path file, Connection connection, ReadConnection reader, int versionAtOpen,
                     WalCheckpointer checkpointer) {
        this.file = file;
        this.connection = connection;
        this.reader = reader;
        this.versionAtOpen = versionAtOpen;
        this.checkpointer = checkpointer;
    }

    /**
     * Opens (creating if absent) and migrates the database file.
     *
     * @throws StoreException with an operator-readable message if the file is not a usable database
     */
    public static Database open(Path file) {
        Connection connection = connect(file);
        int version;
        WalCheckpointer checkpointer = null;
        ReadConnection reader;
        try {
            version = readVersion(connection, file);
            SchemaMigrations.checkSupported(version, file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                // in WAL mode NORMAL loses nothing when the process dies, only on power loss, and is much faster
                statement.execute("PRAGMA synchronous = NORMAL");
                statement.execute("PRAGMA mmap_size = " + MAPPED_BYTES);
                statement.execute("PRAGMA wal_autocheckpoint = 0");
                statement.execute("PRAGMA threads = " + SORT_HELPER_THREADS);
                statement.execute("PRAGMA journal_size_limit = " + WalCheckpointer.LOG_BYTES_KEPT);
            }
            checkpointer = new WalCheckpointer(file, connect(file, WalCheckpointer.CATCH_UP_WAIT_MILLIS));
            reader = ReadConnection.open(file, checkpointer);
        } catch (SQLException | RuntimeException e) {
            if (checkpointer != null) {
                checkpointer.close();
            }
            closeQuietly(connection);
            throw e instanceof SQLException failure ? translate(file, failure) : (RuntimeException) e;
        }
        Database database = new Database(file, connection, reader, version, checkpointer);
        try {
            // a step that makes a table anew drops the old one, which with the checks on would
            // delete or unlink every row referring to it
            database.writeWithoutReferenceChecks(c -> {
                SchemaMigrations.migrate(c, version);
                return null;
            });
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    static Connection connect(Path file) {
        return connect(file, BUSY_TIMEOUT_MILLIS);
    }

    private static Connection connect(Path file, int busyTimeoutMillis) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMillis);
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        } catch (SQLException e) {
            throw translate(file, e);
        }
    }

    /** Reading the header and the schema is where a foreign or damaged file shows itself, before any write. */
    private static int readVersion(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet ignored = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                // only the side effect matters: the schema parses
            }
            try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    static StoreException translate(Path file, SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            switch (code) {
                case SQLITE_NOTADB:
                    return new StoreException("The file " + file + " is not an Enroll Notifier database (it is not"
                            + " an SQLite file). It was left untouched; move it aside or choose another data folder.", e);
                case SQLITE_CORRUPT:
                case SQLITE_CORRUPT_INDEX:
                case SQLITE_CORRUPT_SEQUENCE:
                case SQLITE_CORRUPT_VTAB:
                    return new StoreException("The database file " + file + " is damaged. It was left untouched;"
                            + " restore it from a backup or move it aside to start afresh.", e);
                case SQLITE_READONLY:
                case SQLITE_READONLY_DIRECTORY:
                case SQLITE_READONLY_DBMOVED:
                case SQLITE_READONLY_RECOVERY:
                case SQLITE_READONLY_ROLLBACK:
                case SQLITE_CANTOPEN:
                case SQLITE_PERM:
                    return new StoreException("The database file " + file + " cannot be written. Check that its"
                            + " folder is writable by you, or choose another data folder.", e);
                case SQLITE_BUSY:
                case SQLITE_LOCKED:
                    return new StoreException("The database file " + file + " is in use by another program.", e);
                default:
                    break;
            }
        }
        return new StoreException("The database file " + file + " could not be used: " + e.getMessage(), e);
    }

    /** True when this open created the schema from nothing, i.e. the data folder was new. */
    public boolean wasCreated() {
        return versionAtOpen == 0;
    }

    public Path file() {
        return file;
    }

    /**
     * Gives the database file a page cache large enough for a bulk change, or takes it back.
     * Importing a million users inserts into every index at random places; with the usual cache
     * each insert waits for pages evicted a moment before. Not for the TEMP schema: after a large
     * TEMP cache had held a staged import, every later small transaction of the connection ran
     * five times slower (measured on a delivery run), even with the cache set back.
     */
    public synchronized void useBulkCache(boolean bulk) {
        pragma("main.cache_size = -" + (bulk ? BULK_CACHE_KIB : USUAL_CACHE_KIB));
    }

    /**
     * Runs read-only work on the reading connection, in one transaction: it sees the last commit
     * before it started, whatever is written meanwhile, and does not wait for a write under way.
     * TEMP tables belong to the writing connection: work that reads them runs in {@link #scratch}.
     */
    public <T> T read(SqlWork<T> work) {
        return reader.read(work);
    }

    /**
     * Like {@link #read}, but gives up as soon as {@code abandoned} says so, for a long read that a
     * newer request can make pointless (counting a search while the operator still types).
     *
     * @throws CancellationException when abandoned
     */
    public <T> T readUnless(BooleanSupplier abandoned, SqlWork<T> work) {
        return reader.readUnless(abandoned, work);
    }

    /** Runs work in one write transaction ({@code BEGIN IMMEDIATE}): all of it is kept, or none. */
    public <T> T write(SqlWork<T> work) {
        return inTransaction("BEGIN IMMEDIATE", work);
    }

    /**
     * Like {@link #write}, for small writes that several threads make at a high rate: work queued
     * while another thread commits goes into the next transaction together, so the threads pay for
     * one commit between them instead of one each. Each caller still returns only once its work is
     * committed. The work must touch nothing but the connection: when a shared transaction fails,
     * its work runs again one by one, so the failure reaches only the caller whose work caused it.
     */
    public <T> T writeShared(SqlWork<T> work) {
        return writeLater(work).await();
    }

    /**
     * Queues work for the next shared transaction (see {@link #writeShared}) and returns at once, so
     * the caller can go on with something else meanwhile. {@link Pending#await} commits it, with all
     * work queued by then, unless another thread's shared transaction took it along already: callers
     * that can wait until they rely on their work share commits the most.
     */
    public <T> Pending<T> writeLater(SqlWork<T> work) {
        SharedWrite<T> mine = new SharedWrite<>(this, work);
        synchronized (sharedWrites) {
            sharedWrites.add(mine);
        }
        return mine;
    }

    /** Work queued by {@link #writeLater}. */
    public interface Pending<T> {
        /** Returns once the work is committed, with its value; throws what the work threw. */
        T await();
    }

    private synchronized void commitSharedWrites() {
        List<SharedWrite<?>> batch;
        synchronized (sharedWrites) {
            batch = List.copyOf(sharedWrites);
            sharedWrites.clear();
        }
        try {
            write(c -> {
                for (SharedWrite<?> shared : batch) {
                    shared.run(c);
                }
                return null;
            });
            batch.forEach(SharedWrite::succeeded);
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                batch.get(0).failed(failure);
            } else {
                batch.forEach(SharedWrite::runAlone);
            }
        }
    }

    /** One caller's work in a shared transaction; its fields are only touched under the database's lock. */
    private static final class SharedWrite<T> implements Pending<T> {
        private final Database database;
        private final SqlWork<T> work;
        private T value;
        private RuntimeException failure;
        private boolean done;

        SharedWrite(Database database, SqlWork<T> work) {
            this.database = database;
            this.work = work;
        }

        @Override
        public T await() {
            synchronized (database) {
                if (!done) {
                    database.commitSharedWrites();
                }
                if (failure != null) {
                    throw failure;
                }
                return value;
            }
        }

        void run(Connection connection) throws SQLException {
            value = work.run(connection);
        }

        void succeeded() {
            done = true;
        }

        void failed(RuntimeException e) {
            failure = e;
            done = true;
        }

        void runAlone() {
            try {
                value = database.write(work);
                done = true;
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    /**
     * Like {@link #write}, with foreign-key checks off for that one transaction, and on again
     * afterwards whatever happens. Only for bulk work whose statements keep every reference
     * themselves (an insert that joins each row from its parent in the same transaction, a deletion
     * that deletes or unlinks every row referring to what it deletes): checking a million rows again
     * costs a third of an insert; and for schema migrations.
     */
    public synchronized <T> T writeWithoutReferenceChecks(SqlWork<T> work) {
        setForeignKeys(false);
        try {
            return write(work);
        } finally {
            setForeignKeys(true);
        }
    }

    private void setForeignKeys(boolean on) {
        pragma("foreign_keys = " + (on ? "ON" : "OFF"));
    }

    /** Changes one of the connection's settings. */
    private void pragma(String setting) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA " + setting);
        } catch (SQLException e) {
            throw translate(file, e);
        }
    }

    /**
     * Runs work that reads the database and writes only TEMP tables, in a deferred transaction:
     * it takes no write lock on the file, so other writers are not held up.
     */
    public <T> T scratch(SqlWork<T> work) {
        return inTransaction("BEGIN DEFERRED", work);
    }

    private synchronized <T> T inTransaction(String begin, SqlWork<T> work) {
        try {
            map.renewIfGrown(connection, checkpointer);
            control(begin);
            try {
                T result = work.run(connection);
                control("COMMIT");
                checkpointer.afterCommit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                // an Error too (out of memory): left open, the transaction made the next one fail in its
                // stead, with "cannot start a transaction within a transaction"
                control("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw translate(file, e);
        }
    }

    private void control(String sql) throws SQLException {
        transactionControl.on(connection, sql).execute();
    }

    @Override
    public synchronized void close() {
        checkpointer.close();
        reader.close();
        closeQuietly(connection);
    }

    /**
     * Waits until the write-ahead log's pages scheduled for copying are in the database file: for a
     * measurement that must not share the machine with that copying.
     */
    public void awaitCheckpoint() {
        checkpointer.awaitLatest();
    }

    /** How many background checkpoints have run since the file was opened. */
    int checkpointsRun() {
        return checkpointer.checkpointsRun();
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing is best effort: the file is consistent after every committed transaction
        }
    }
}
