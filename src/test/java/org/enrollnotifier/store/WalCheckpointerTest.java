package org.enrollnotifier.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints under many small commits, each of about two pages, as a sending job makes them. */
class WalCheckpointerTest {

    private static final int PAGE_BYTES = 8_000;
    private static final int COMMITS = 3_000;

    @TempDir
    Path folder;
    private Path file;
    private Path log;
    private final Random random = new Random(7);

    @BeforeEach
    void files() {
        file = folder.resolve("steady.db");
        log = folder.resolve("steady.db-wal");
    }

    @Test
    void whileAReadKeepsTheLogFromStartingOverACheckpointWaitsForTheLogToGrowByTheThreshold() throws Exception {
        try (Database database = Database.open(file)) {
            createTable(database);
            commitOneRow(database);
            long logGrown;
            try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                reader.setAutoCommit(false);
                try (Statement read = reader.createStatement();
                     ResultSet rows = read.executeQuery("SELECT count(*) FROM payload")) {
                    assertTrue(rows.next(), "the read's snapshot is taken");
                    long logBefore = Files.size(log);
                    for (int i = 0; i < COMMITS / 2; i++) {
                        commitOneRow(database);
                    }
                    database.awaitCheckpoint();
                    logGrown = Files.size(log) - logBefore;
                }
                reader.rollback();
            }

            long atMost = logGrown / 4_096_000 + 1;
            assertTrue(database.checkpointsRun() <= atMost, database.checkpointsRun() + " checkpoints while the log"
                    + " grew by " + logGrown + " bytes; at most " + atMost + " expected, not one per commit or so");
        }
    }

    @Test
    void commitsThatLeaveTheWriteLockFreeBetweenThemKeepStartingTheLogOver() throws Exception {
        try (Database database = Database.open(file)) {
            createTable(database);
            long largestLog = 0;
            for (int i = 0; i < COMMITS; i++) {
                commitOneRow(database);
                largestLog = Math.max(largestLog, Files.size(log));
                // a sending job's commits come a fraction of a millisecond apart, between messages
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(300));
            }

            assertTrue(largestLog < 3 * 4_096_000, "the log grew to " + largestLog + " bytes while "
                    + (long) COMMITS * PAGE_BYTES + " were logged");
        }
    }

    private static void createTable(Database database) {
        database.write(c -> {
            c.createStatement().execute("CREATE TABLE payload (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL)");
            return null;
        });
    }

    private void commitOneRow(Database database) {
        byte[] bytes = new byte[PAGE_BYTES];
        random.nextBytes(bytes);
        database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO payload (bytes) VALUES (?)")) {
                insert.setBytes(1, bytes);
                return insert.executeUpdate();
            }
        });
    }
}
