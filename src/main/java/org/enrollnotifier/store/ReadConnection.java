package org.enrollnotifier.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.sqlite.ProgressHandler;

/**
 * The connection the application reads through, beside the one it writes through. In WAL mode a
 * reader sees the last commit while a write is under way instead of waiting for it: with one
 * connection for both, the window could not list a page for the 24 s that deleting a store of a
 * million users took, nor while an import applied its users. Each read is one transaction, so all
 * its statements see the same commit, as they did when writes could not come between them. The
 * connection is {@code query_only}: a read that writes fails instead of racing the writer.
 */
final class ReadConnection implements AutoCloseable {

    /** Virtual machine steps between checks whether a read was abandoned: well under a millisecond. */
    private static final int PROGRESS_STEPS = 10_000;

    private final Path file;
    private final Connection connection;
    private final WalCheckpointer checkpointer;
    private final MemoryMap map = new MemoryMap();
    private final ReusedStatements transactionControl = new ReusedStatements();

    private ReadConnection(Path file, Connection connection, WalCheckpointer checkpointer) {
        this.file = file;
        this.connection = connection;
        this.checkpointer = checkpointer;
    }

    /** Opens a connection to read {@code file}, whose checkpoints {@code checkpointer} makes. */
    static ReadConnection open(Path file, WalCheckpointer checkpointer) throws SQLException {
        Connection connection = Database.connect(file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA mmap_size = " + Database.MAPPED_BYTES);
            statement.execute("PRAGMA query_only = ON");
        } catch (SQLException e) {
            Database.closeQuietly(connection);
            throw e;
        }
        return new ReadConnection(file, connection, checkpointer);
    }

    synchronized <T> T read(SqlWork<T> work) {
        try {
            return inTransaction(work);
        } catch (SQLException e) {
            throw Database.translate(file, e);
        }
    }

    /** @throws CancellationException as soon as {@code abandoned} says so */
    synchronized <T> T readUnless(BooleanSupplier abandoned, SqlWork<T> work) {
        if (abandoned.getAsBoolean()) {
            throw new CancellationException("abandoned before it started");
        }
        try {
            ProgressHandler.setHandler(connection, PROGRESS_STEPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return abandoned.getAsBoolean() ? 1 : 0;
                }
            });
            try {
                return inTransaction(work);
            } finally {
                ProgressHandler.clearHandler(connection);
            }
        } catch (SQLException e) {
            if (abandoned.getAsBoolean()) {
                throw new CancellationException("abandoned: " + e.getMessage());
            }
            throw Database.translate(file, e);
        }
    }

    /** A read interrupted by the progress handler leaves its transaction open, as any failed read does. */
    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        map.renewIfGrown(connection, checkpointer);
        control("BEGIN");
        try {
            T result = work.run(connection);
            control("COMMIT");
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            // the handler that abandoned the read must not abandon the rollback too: the transaction
            // would stay open, and every later read fail to begin its own
            ProgressHandler.clearHandler(connection);
            control("ROLLBACK");
            throw e;
        }
    }

    private void control(String sql) throws SQLException {
        transactionControl.on(connection, sql).execute();
    }

    @Override
    public synchronized void close() {
        Database.closeQuietly(connection);
    }
}
