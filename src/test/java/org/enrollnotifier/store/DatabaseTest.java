package org.enrollnotifier.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.UserQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

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

    private static String pragmaText(Database database, String name) {
        return database.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Test
    void upgradingAFileOfVersionFiveMakesItsUsersFindableByTheirFoldedNames() throws Exception {
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
}
