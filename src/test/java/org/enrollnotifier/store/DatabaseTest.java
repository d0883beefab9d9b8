package org.enrollnotifier.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.UserQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;

class DatabaseTest {

    /** The schema versions before the steps that a test upgrades from. */
    private static final int BEFORE_LARGE_SEARCH_INDEX_WRITES = 12;
    private static final int BEFORE_SEARCH_INDEX_WITHOUT_LENGTHS = 13;
    private static final int BEFORE_EXTERNAL_ID_INDEX = 14;
    private static final String CONTOSO =
            "INSERT INTO identity_store (id, name, kind, source) VALUES (1, 'Contoso', 'CSV', 'x')";

    @TempDir
    Path folder;

    @Test
    void createsTheLatestSchemaInWalModeWithForeignKeysOnAnEmptyFile() {
        try (Database database = Database.open(folder.resolve("new.db"))) {
            assertTrue(database.wasCreated());
            assertEquals(SchemaMigrations.LATEST_VERSION, pragma(database, "user_version"));
            assertEquals("wal", pragmaText(database, "journal_mode"));
            assertEquals(1, pragma(database, "foreign_keys"));
            List<String> tables = database.read(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
                    List<String> names = new java.util.ArrayList<>();
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                    return names;
                }
            });
            assertTrue(tables.containsAll(List.of("identity_store", "directory_user", "directory_user_search")),
                    tables.toString());
        }
    }

    /**
     * Removing a row has SQLite find the rows that refer to it; without an index led by the
     * referring column it reads the whole referring table for each row removed.
     */
    @Test
    void everyReferenceIsFoundThroughAnIndexLedByItsColumn() {
        try (Database database = Database.open(folder.resolve("references.db"))) {
            List<String> unindexed = database.read(c -> strings(c, """
                    SELECT t.name || '.' || f."from" FROM sqlite_schema t, pragma_foreign_key_list(t.name) f
                    WHERE t.type = 'table' AND NOT EXISTS (
                        SELECT 1 FROM pragma_index_list(t.name) i, pragma_index_info(i.name) c
                        WHERE c.seqno = 0 AND c.name = f."from")
                      AND NOT EXISTS (SELECT 1 FROM pragma_table_info(t.name) p WHERE p.pk = 1 AND p.name = f."from")
                    ORDER BY 1"""));

            assertEquals(List.of(), unindexed);
        }
    }

    @Test
    void anErrorInsideATransactionRollsItBackAndTheNextOneStarts() {
        try (Database database = Database.open(folder.resolve("error.db"))) {
            assertThrows(OutOfMemoryError.class, () -> database.write(c -> {
                LongParameterStatements.update(c, "INSERT INTO settings (key, value) VALUES ('made up', 'x')");
                throw new OutOfMemoryError("made up");
            }));

            assertEquals(List.of(), database.scratch(c -> strings(c, "SELECT value FROM settings WHERE key = 'made up'")));
        }
    }

    @Test
    void reopeningAMigratedFileKeepsItsDataAndDoesNotMigrateAgain() {
        Path file = folder.resolve("kept.db");
        try (Database database = Database.open(file)) {
            database.write(c -> new IdentityStoreRepository().create(c, "Kept", StoreKind.CSV, "test", false));
        }
        try (Database database = Database.open(file)) {
            assertFalse(database.wasCreated());
            assertEquals(List.of("Kept"), database.read(c -> new IdentityStoreRepository().summaries(c))
                    .stream().map(s -> s.store().name()).toList());
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithItsNameAndLeftUntouched() throws Exception {
        Path file = folder.resolve("notes.db");
        byte[] content = "These are my notes, not a database. ".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);

        StoreException refused = assertThrows(StoreException.class, () -> Database.open(file));

        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("not an Enroll Notifier database"), refused.getMessage());
        assertArrayEquals(content, Files.readAllBytes(file));
        assertFalse(Files.exists(folder.resolve("notes.db-wal")));
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        Path file = folder.resolve("newer.db");
        try (Database database = Database.open(file)) {
            database.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA user_version = " + (SchemaMigrations.LATEST_VERSION + 5));
                }
                return null;
            });
        }
        byte[] before = Files.readAllBytes(file);

        StoreException refused = assertThrows(StoreException.class, () -> Database.open(file));

        assertTrue(refused.getMessage().contains("newer version"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        try (Database database = Database.open(folder.resolve("atomic.db"))) {
            IdentityStoreRepository stores = new IdentityStoreRepository();
            assertThrows(IllegalStateException.class, () -> database.write(c -> {
                stores.create(c, "Half", StoreKind.CSV, "test", false);
                throw new IllegalStateException("interrupted import");
            }));
            assertTrue(database.read(stores::summaries).isEmpty());
        }
    }

    private static int pragma(Database database, String name) {
        return Integer.parseInt(pragmaText(database, name));
    }

    /** The writing connection's setting. */
    private static String pragmaText(Database database, String name) {
        return database.scratch(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Test
    void upgradingAFileOfVersionFiveMakesItsUsersFindableByTheirFoldedNamesInAConsistentSearchIndex() throws Exception {
        Path file = folder.resolve("v5.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            SchemaMigrations.migrate(old, 0, 5);
            try (Statement statement = old.createStatement()) {
                statement.execute("INSERT INTO identity_store (id, name, kind, source) VALUES (1, 'Old', 'CSV', 'old.csv')");
                statement.execute("INSERT INTO directory_user (store_id, external_id, username, first_name, last_name,"
                        + " display_name, email, display_key, username_key, email_key) VALUES (1, 'e1', 'emartin',"
                        + " 'Émile', 'Martin', 'Émile Martin', 'emile.martin@old.test', 'emile martin', 'emartin',"
                        + " 'emile.martin@old.test')");
            }
        }

        try (Database database = Database.open(file)) {
            DirectoryUserRepository users = new DirectoryUserRepository();
            for (SearchPlan plan : SearchPlan.values()) {
                assertEquals(List.of("emartin"), database.read(c -> users.page(c,
                        UserQuery.EVERYONE.withSearch("ÉMIL mar"), null, 10, plan))
                        .stream().map(keyed -> keyed.user().username()).toList(), plan.name());
            }
            database.write(c -> {
                try (Statement statement = c.createStatement()) {
                    statement.execute("INSERT INTO directory_user_search (directory_user_search, rank)"
                            + " VALUES ('integrity-check', 1)");
                }
                return null;
            });
        }
    }

    /** A million users' search keys are indexed in 2.6 s so, against 4.9 s with FTS5's default of 1 MiB. */
    @Test
    void newAndUpgradedFilesLetTheSearchIndexHoldALargeWriteInMemory() throws Exception {
        Path upgraded = folder.resolve("previous.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + upgraded)) {
            SchemaMigrations.migrate(old, 0, BEFORE_LARGE_SEARCH_INDEX_WRITES);
        }
        for (Path file : List.of(folder.resolve("new.db"), upgraded)) {
            try (Database database = Database.open(file)) {
                long hashBytes = database.read(c -> LongParameterStatements.number(c,
                        "SELECT v FROM directory_user_search_config WHERE k = 'hashsize'"));
                assertEquals(64L << 20, hashBytes, file.toString());
            }
        }
    }

    /** Indexing a million users took 1.96 s without the entries' lengths, 2.5 s with them. */
    @Test
    void anUpgradedSearchIndexKeepsNoEntryLengthsAndStillFindsTheUsersIndexedBefore() throws Exception {
        Path upgraded = fileOfVersion("before-lengths.db", BEFORE_SEARCH_INDEX_WITHOUT_LENGTHS, CONTOSO, """
                INSERT INTO directory_user (store_id, external_id, username, display_key, username_key, email_key,
                                            search_key, display_rank)
                VALUES (1, 'zoe', 'zoe', 'zoe', 'zoe', '', 'Zoë Ødegaard zoe', 8192)""",
                "INSERT INTO directory_user_search (rowid, search_key) VALUES (8192, 'Zoë Ødegaard zoe')");
        for (Path file : List.of(folder.resolve("new.db"), upgraded)) {
            try (Database database = Database.open(file)) {
                long lengthTables = database.read(c -> LongParameterStatements.number(c,
                        "SELECT count(*) FROM sqlite_schema WHERE name = 'directory_user_search_docsize'"));
                assertEquals(0, lengthTables, file.toString());
            }
        }
        try (Database database = Database.open(upgraded)) {
            long found = database.read(c -> LongParameterStatements.number(c,
                    "SELECT rowid FROM directory_user_search WHERE directory_user_search MATCH 'degaa'"));
            assertEquals(8192, found);
        }
    }

    /**
     * The users' table is made anew (schema step 15): its users keep their ids, their deliveries,
     * their search index entries and tallies, and the table its indexes, triggers and unique key.
     */
    @Test
    void upgradingMakesTheUsersTableAnewKeepingItsUsersTheirDeliveriesAndItsKeys() throws Exception {
        Path upgraded = fileOfVersion("before-external-id-index.db", BEFORE_EXTERNAL_ID_INDEX, CONTOSO, """
                INSERT INTO directory_user (id, store_id, external_id, username, display_key, username_key,
                                            email_key, search_key, display_rank)
                VALUES (7, 1, 'e7', 'zoe', 'zoe', 'zoe', '', 'Zoë Ødegaard zoe', 8192),
                       (9, 1, 'e9', 'ann', 'ann', 'ann', '', 'Ann Berg ann', 16384)""",
                "INSERT INTO directory_user_search (rowid, search_key)"
                        + " VALUES (8192, 'Zoë Ødegaard zoe'), (16384, 'Ann Berg ann')",
                "INSERT INTO notification (id, created_at, operator, audience, subject, message_template,"
                        + " enrollment_types, left_out_count) VALUES (1, 0, 'op', 'Contoso', 's', 'm', 1, 0)",
                "INSERT INTO delivery (notification_id, user_id, address, first_name, last_name, display_name,"
                        + " username, store_name, state, message_id) VALUES (1, 7, 'zoe@x.test', 'Zoë', 'Ødegaard',"
                        + " 'Zoë Ødegaard', 'zoe', 'Contoso', 'SENT', '<m1@x.test>')");

        try (Database database = Database.open(upgraded)) {
            assertEquals(List.of(7L), database.read(c -> longs(c,
                    "SELECT user_id FROM delivery")), "the delivery still refers to its user");
            assertEquals(List.of(), database.read(c -> longs(c, "SELECT rowid FROM pragma_foreign_key_check")),
                    "every reference holds");
            assertEquals(List.of(7L), database.read(c -> longs(c, "SELECT u.id FROM directory_user_search s"
                    + " JOIN directory_user u ON u.display_rank = s.rowid WHERE directory_user_search MATCH 'degaa'")));
            assertEquals(List.of(2L), database.read(c -> longs(c,
                    "SELECT sum(users) FROM user_count WHERE store_id = 1")), "tallies kept");
            assertEquals(List.of("directory_user_by_external_id", "directory_user_by_rank",
                    "directory_user_store_by_display", "directory_user_store_by_email",
                    "directory_user_store_by_status", "directory_user_store_by_username"),
                    database.read(c -> strings(c, "SELECT name FROM sqlite_schema"
                            + " WHERE tbl_name = 'directory_user' AND type = 'index' ORDER BY name")),
                    "the stores' sort indexes, the ranks' and the key on external ids; all stores' sort indexes dropped");
            assertEquals(List.of("delivery_by_notification_state", "delivery_by_user"),
                    database.read(c -> strings(c, "SELECT name FROM sqlite_schema"
                            + " WHERE tbl_name = 'delivery' AND type = 'index' AND sql IS NOT NULL ORDER BY name")),
                    "a removed user's deliveries are found by their reference to it");
            assertThrows(StoreException.class, () -> database.write(c -> LongParameterStatements.update(c,
                    "INSERT INTO directory_user (store_id, external_id, username, display_key, username_key, email_key)"
                            + " VALUES (1, 'e9', 'dup', 'dup', 'dup', '')")), "external ids stay unique in a store");
            database.write(c -> LongParameterStatements.update(c, "DELETE FROM directory_user WHERE id = 7"));
            assertEquals(List.of(), database.read(c -> longs(c, "SELECT user_id FROM delivery WHERE user_id IS NOT NULL")),
                    "a removed user's delivery is unlinked, by the reference checks on again");
            assertEquals(List.of(1L), database.read(c -> longs(c,
                    "SELECT sum(users) FROM user_count WHERE store_id = 1")), "the tallies' triggers are back");
            assertEquals(List.of(), database.read(c -> longs(c, "SELECT rowid FROM directory_user_search"
                    + " WHERE directory_user_search MATCH 'degaa'")), "the search index's triggers are back");
        }
    }

    /** A file of an earlier schema version, with the statements run on it. */
    private Path fileOfVersion(String name, int version, String... statements) throws SQLException {
        Path file = folder.resolve(name);
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = old.createStatement()) {
            SchemaMigrations.migrate(old, 0, version);
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return file;
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The first column of every row the query returns. */
    private static <T> List<T> column(Connection c, String sql, Column<T> column) throws SQLException {
        List<T> values = new ArrayList<>();
        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(column.read(rs));
            }
        }
        return values;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        return column(c, sql, rs -> rs.getString(1));
    }

    private static List<Long> longs(Connection c, String sql) throws SQLException {
        return column(c, sql, rs -> rs.getLong(1));
    }

    @Test
    void aReadDoesNotWaitForAWriteUnderWayAndSeesTheLastCommit() throws Exception {
        try (Database database = Database.open(folder.resolve("busy.db"))) {
            database.write(c -> createStore(c, "Committed"));
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch readDone = new CountDownLatch(1);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                Future<Long> write = writer.submit(() -> database.write(c -> {
                    long id = createStore(c, "Uncommitted");
                    writing.countDown();
                    await(readDone);
                    return id;
                }));
                writing.await();
                List<String> seen = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> storeNames(database),
                        "the read waited for the write");
                readDone.countDown();
                write.get();

                assertEquals(List.of("Committed"), seen);
                assertEquals(List.of("Committed", "Uncommitted"), storeNames(database));
            } finally {
                readDone.countDown();
                writer.shutdown();
            }
        }
    }

    @Test
    void everyStatementOfOneReadSeesTheSameCommit() {
        try (Database database = Database.open(folder.resolve("snapshot.db"))) {
            database.write(c -> createStore(c, "First"));
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                List<Integer> storesSeen = database.read(c -> {
                    int before = new IdentityStoreRepository().summaries(c).size();
                    awaitUnlessHeldUp(writer.submit(() -> database.write(w -> createStore(w, "Second"))));
                    return List.of(before, new IdentityStoreRepository().summaries(c).size());
                });

                assertEquals(List.of(1, 1), storesSeen, "the store committed during the read is not seen by it");
                assertEquals(List.of("First", "Second"), storeNames(database));
            } finally {
                writer.shutdown();
            }
        }
    }

    @Test
    void aReadThatWritesIsRefusedAndWritesNothing() {
        try (Database database = Database.open(folder.resolve("read-only.db"))) {
            assertThrows(StoreException.class, () -> database.read(c -> createStore(c, "Sneaked in")));
            assertEquals(List.of(), storeNames(database));
        }
    }

    @Test
    void aReadAbandonedWhileItRunsStopsWithCancellation() {
        try (Database database = Database.open(folder.resolve("cancel.db"))) {
            AtomicInteger checks = new AtomicInteger();
            assertThrows(CancellationException.class, () -> database.readUnless(() -> checks.getAndIncrement() > 0,
                    c -> {
                        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(
                                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000)"
                                        + " SELECT count(*) FROM n")) {
                            return rs.next();
                        }
                    }));
            assertTrue(checks.get() > 1, "checked while running");
            assertEquals(Integer.valueOf(1), database.<Integer>read(c -> {
                try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery("SELECT 1")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }), "the connection still serves reads");
        }
    }

    @Test
    void referenceChecksAreOffForOneBulkWriteOnlyEvenWhenItFails() {
        try (Database database = Database.open(folder.resolve("bulk.db"))) {
            assertEquals("0", database.writeWithoutReferenceChecks(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
            assertEquals(1, pragma(database, "foreign_keys"));

            assertThrows(IllegalStateException.class, () -> database.writeWithoutReferenceChecks(c -> {
                throw new IllegalStateException("the bulk write failed");
            }));
            assertEquals(1, pragma(database, "foreign_keys"));
        }
    }

    @Test
    void writesQueuedWhileTheDatabaseIsBusyShareOneCommit() throws Exception {
        try (Database database = Database.open(folder.resolve("shared.db"))) {
            AtomicInteger commits = countCommits(database);
            List<Future<Long>> stores = whileBusy(database, List.of(
                    () -> database.writeShared(c -> createStore(c, "First")),
                    () -> database.writeShared(c -> createStore(c, "Second")),
                    () -> database.writeShared(c -> createStore(c, "Third"))));

            List<Long> ids = new ArrayList<>();
            for (Future<Long> store : stores) {
                ids.add(store.get());
            }
            assertEquals(3, Set.copyOf(ids).size(), "each caller gets its own work's result: " + ids);
            assertEquals(1, commits.get());
            assertEquals(List.of("First", "Second", "Third"), storeNames(database));
        }
    }

    @Test
    void workWrittenLaterWaitsUntilAwaitedAndThenCommitsWithEverythingQueuedBefore() throws Exception {
        try (Database database = Database.open(folder.resolve("later.db"))) {
            AtomicInteger commits = countCommits(database);
            Database.Pending<Long> first = database.writeLater(c -> createStore(c, "First"));
            Database.Pending<Long> second = database.writeLater(c -> createStore(c, "Second"));

            assertEquals(List.of(), storeNames(database));
            long secondId = second.await();

            assertEquals(List.of("First", "Second"), storeNames(database));
            assertEquals(1, commits.get());
            assertTrue(first.await() != secondId, "each work keeps its own result");
            assertEquals(1, commits.get(), "work already committed is not committed again");
        }
    }

    @Test
    void aSharedWriteThatFailsFailsAloneAndTheOthersAreKept() throws Exception {
        try (Database database = Database.open(folder.resolve("shared-failure.db"))) {
            List<Future<Long>> stores = whileBusy(database, List.of(
                    () -> database.writeShared(c -> createStore(c, "Kept")),
                    () -> database.writeShared(c -> {
                        createStore(c, "Lost");
                        throw new SQLException("this work fails");
                    }),
                    () -> database.writeShared(c -> createStore(c, "Also kept"))));

            stores.get(0).get();
            ExecutionException failure = assertThrows(ExecutionException.class, () -> stores.get(1).get());
            assertTrue(failure.getCause() instanceof StoreException, failure.getCause().toString());
            assertTrue(failure.getCause().getMessage().contains("this work fails"), failure.getCause().getMessage());
            stores.get(2).get();
            assertEquals(List.of("Also kept", "Kept"), storeNames(database));
        }
    }

    @Test
    void commitsLeaveCopyingTheLogToABackgroundCheckpoint() throws Exception {
        Path file = folder.resolve("checkpointed.db");
        try (Database database = Database.open(file)) {
            assertEquals(0, pragma(database, "wal_autocheckpoint"));
            long storeId = database.write(c -> createStore(c, "Big"));
            database.write(c -> {
                new DirectoryUserRepository().insertAll(c, storeId, IntStream.range(0, 20_000)
                        .mapToObj(i -> Users.user("user" + i, "First" + i, "Last" + i, "user" + i + "@example.com",
                                Set.of()))
                        .toList());
                return null;
            });
            assertTrue(Files.size(folder.resolve("checkpointed.db-wal")) > 4_096_000, "the log grew past the threshold");

            database.awaitCheckpoint();

            assertTrue(Files.size(file) > 4_096_000, "the users' pages were copied into the database file");
            assertEquals(11, database.read(c -> new DirectoryUserRepository()
                    .count(c, UserQuery.EVERYONE.withStore(storeId).withSearch("user1999"))).listed(),
                    "user1999 and user19990–user19999, read through the renewed memory map");

            database.write(c -> createStore(c, "Small"));
            assertTrue(Files.size(folder.resolve("checkpointed.db-wal")) < 4_096_000,
                    "the next write started the copied log over, cut back to a size that wakes no checkpoint");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for work on another thread, which would wait forever for this one if it were held up. */
    private static <T> T awaitUnlessHeldUp(Future<T> future) {
        try {
            return future.get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the other thread was held up by this one", e);
        }
    }

    private static long createStore(Connection c, String name) throws SQLException {
        return new IdentityStoreRepository().create(c, name, StoreKind.CSV, "test", false);
    }

    private static List<String> storeNames(Database database) {
        return database.read(c -> new IdentityStoreRepository().summaries(c)).stream()
                .map(s -> s.store().name()).sorted().toList();
    }

    /** Counts the writing connection's commits from now on. */
    private static AtomicInteger countCommits(Database database) {
        AtomicInteger commits = new AtomicInteger();
        database.scratch(c -> {
            c.unwrap(SQLiteConnection.class).addCommitListener(new SQLiteCommitListener() {
                @Override
                public void onCommit() {
                    commits.incrementAndGet();
                }

                @Override
                public void onRollback() {
                    // only commits are counted
                }
            });
            return null;
        });
        commits.set(0);
        return commits;
    }

    private static boolean waitsFor(Thread thread, Object monitor) {
        LockInfo lock = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId()).getLockInfo();
        return lock != null && lock.getIdentityHashCode() == System.identityHashCode(monitor);
    }

    /** Starts the writes while this thread holds the database, and lets go once all of them wait for it. */
    private static <T> List<Future<T>> whileBusy(Database database, List<Callable<T>> writes) {
        ExecutorService threads = Executors.newFixedThreadPool(writes.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            List<Thread> writers = new java.util.concurrent.CopyOnWriteArrayList<>();
            synchronized (database) {
                for (Callable<T> write : writes) {
                    futures.add(threads.submit(() -> {
                        writers.add(Thread.currentThread());
                        return write.call();
                    }));
                }
                while (writers.size() < writes.size()
                        || !writers.stream().allMatch(writer -> waitsFor(writer, database))) {
                    Thread.onSpinWait();
                }
            }
            return futures;
        } finally {
            threads.shutdown();
        }
    }
}
