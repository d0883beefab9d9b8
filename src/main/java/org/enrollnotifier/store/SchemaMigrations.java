package org.enrollnotifier.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.Function;

/**
 * Forward-only schema migrations; {@code PRAGMA user_version} records how many have been applied.
 * Append new steps at the end; never edit one that has shipped.
 */
final class SchemaMigrations {

    /** Folds existing users' names into {@link TextFolding#searchKey}, which is Java, while migrating. */
    private static final String SEARCH_KEY_FUNCTION = "enroll_search_key";

    /**
     * FTS5 holds a transaction's new entries in memory up to this many bytes (1 MiB by default)
     * before writing them as a segment, which later merges rewrite: indexing a million users' search
     * keys took 4.9 s with 1 MiB, 2.8 s with 32 MiB and 2.6 s with 64 MiB. Native memory, taken only
     * by a write that holds that much, and given back when it commits.
     */
    private static final String HOLD_LARGE_SEARCH_INDEX_WRITES = """
            INSERT INTO directory_user_search (directory_user_search, rank) VALUES ('hashsize', 67108864)""";

    /**
     * The users' columns as the first step made them, one a line, each line ending in a comma; step
     * 15 makes the table again with them and the two columns added since.
     */
    private static final String FIRST_USER_COLUMNS = """
                id             INTEGER PRIMARY KEY,
                store_id       INTEGER NOT NULL REFERENCES identity_store (id) ON DELETE CASCADE,
                external_id    TEXT    NOT NULL,
                username       TEXT    NOT NULL,
                first_name     TEXT    NOT NULL DEFAULT '',
                last_name      TEXT    NOT NULL DEFAULT '',
                display_name   TEXT    NOT NULL DEFAULT '',
                email          TEXT,
                department     TEXT    NOT NULL DEFAULT '',
                enrolled_types INTEGER NOT NULL DEFAULT 0,
                enrolled_at    INTEGER,
                display_key    TEXT    NOT NULL,
                username_key   TEXT    NOT NULL,
                email_key      TEXT    NOT NULL,
            """;

    /** Each step is applied in one transaction; most are a list of statements. */
    private static final List<Step> STEPS = List.of(
            sql(
                    """
                    CREATE TABLE identity_store (
                        id             INTEGER PRIMARY KEY,
                        name           TEXT    NOT NULL UNIQUE COLLATE NOCASE,
                        kind           TEXT    NOT NULL,
                        source         TEXT    NOT NULL,
                        is_demo        INTEGER NOT NULL DEFAULT 0,
                        last_import_at INTEGER
                    )
                    """,
                    """
                    CREATE TABLE directory_user (
                    """ + FIRST_USER_COLUMNS + """
                        UNIQUE (store_id, external_id)
                    )
                    """,
                    """
                    CREATE INDEX directory_user_by_display        ON directory_user (display_key, id)
                    """,
                    """
                    CREATE INDEX directory_user_by_username       ON directory_user (username_key, id)
                    """,
                    """
                    CREATE INDEX directory_user_by_email          ON directory_user (email_key, id)
                    """,
                    """
                    CREATE INDEX directory_user_by_status         ON directory_user (enrolled_types, display_key, id)
                    """,
                    """
                    CREATE INDEX directory_user_store_by_display  ON directory_user (store_id, display_key, id)
                    """,
                    """
                    CREATE INDEX directory_user_store_by_username ON directory_user (store_id, username_key, id)
                    """,
                    """
                    CREATE INDEX directory_user_store_by_email    ON directory_user (store_id, email_key, id)
                    """,
                    """
                    CREATE INDEX directory_user_store_by_status   ON directory_user (store_id, enrolled_types, display_key, id)
                    """,
                    """
                    CREATE VIRTUAL TABLE directory_user_search USING fts5 (
                        first_name, last_name, display_name, username, email,
                        content = 'directory_user', content_rowid = 'id',
                        tokenize = 'trigram remove_diacritics 1'
                    )
                    """,
                    """
                    CREATE TRIGGER directory_user_search_insert AFTER INSERT ON directory_user BEGIN
                        INSERT INTO directory_user_search (rowid, first_name, last_name, display_name, username, email)
                        VALUES (new.id, new.first_name, new.last_name, new.display_name, new.username, new.email);
                    END
                    """,
                    """
                    CREATE TRIGGER directory_user_search_delete AFTER DELETE ON directory_user BEGIN
                        INSERT INTO directory_user_search (directory_user_search, rowid, first_name, last_name, display_name, username, email)
                        VALUES ('delete', old.id, old.first_name, old.last_name, old.display_name, old.username, old.email);
                    END
                    """,
                    """
                    CREATE TRIGGER directory_user_search_update AFTER UPDATE ON directory_user BEGIN
                        INSERT INTO directory_user_search (directory_user_search, rowid, first_name, last_name, display_name, username, email)
                        VALUES ('delete', old.id, old.first_name, old.last_name, old.display_name, old.username, old.email);
                        INSERT INTO directory_user_search (rowid, first_name, last_name, display_name, username, email)
                        VALUES (new.id, new.first_name, new.last_name, new.display_name, new.username, new.email);
                    END
                    """),
            sql(
                    """
                    CREATE TABLE notification (
                        id               INTEGER PRIMARY KEY,
                        created_at       INTEGER NOT NULL,
                        operator         TEXT    NOT NULL,
                        audience         TEXT    NOT NULL,
                        subject          TEXT    NOT NULL,
                        message_template TEXT    NOT NULL,
                        enrollment_types INTEGER NOT NULL,
                        left_out_count   INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE delivery (
                        id              INTEGER PRIMARY KEY,
                        notification_id INTEGER NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
                        user_id         INTEGER REFERENCES directory_user (id) ON DELETE SET NULL,
                        address         TEXT    NOT NULL,
                        first_name      TEXT    NOT NULL,
                        last_name       TEXT    NOT NULL,
                        display_name    TEXT    NOT NULL,
                        username        TEXT    NOT NULL,
                        store_name      TEXT    NOT NULL,
                        state           TEXT    NOT NULL,
                        attempts        INTEGER NOT NULL DEFAULT 0,
                        last_reply      TEXT,
                        next_attempt_at INTEGER,
                        message_id      TEXT    NOT NULL UNIQUE,
                        sent_at         INTEGER,
                        UNIQUE (notification_id, user_id)
                    )""",
                    """
                    CREATE INDEX delivery_by_notification_state ON delivery (notification_id, state, id)""",
                    """
                    CREATE TABLE settings (
                        key   TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    )"""),
            sql(
                    """
                    ALTER TABLE delivery ADD COLUMN last_attempt_at INTEGER"""),
            sql(
                    """
                    CREATE TABLE user_count (
                        store_id       INTEGER NOT NULL REFERENCES identity_store (id) ON DELETE CASCADE,
                        enrolled_types INTEGER NOT NULL,
                        has_email      INTEGER NOT NULL,
                        users          INTEGER NOT NULL,
                        PRIMARY KEY (store_id, enrolled_types, has_email)
                    ) WITHOUT ROWID""",
                    """
                    INSERT INTO user_count (store_id, enrolled_types, has_email, users)
                    SELECT store_id, enrolled_types, email IS NOT NULL, count(*) FROM directory_user
                    GROUP BY store_id, enrolled_types, email IS NOT NULL""",
                    """
                    CREATE TRIGGER user_count_insert AFTER INSERT ON directory_user BEGIN
                        INSERT INTO user_count (store_id, enrolled_types, has_email, users)
                        VALUES (new.store_id, new.enrolled_types, new.email IS NOT NULL, 1)
                        ON CONFLICT DO UPDATE SET users = users + 1;
                    END""",
                    """
                    CREATE TRIGGER user_count_delete AFTER DELETE ON directory_user BEGIN
                        UPDATE user_count SET users = users - 1 WHERE store_id = old.store_id
                            AND enrolled_types = old.enrolled_types AND has_email = (old.email IS NOT NULL);
                    END""",
                    """
                    CREATE TRIGGER user_count_update AFTER UPDATE OF store_id, enrolled_types, email ON directory_user
                    BEGIN
                        UPDATE user_count SET users = users - 1 WHERE store_id = old.store_id
                            AND enrolled_types = old.enrolled_types AND has_email = (old.email IS NOT NULL);
                        INSERT INTO user_count (store_id, enrolled_types, has_email, users)
                        VALUES (new.store_id, new.enrolled_types, new.email IS NOT NULL, 1)
                        ON CONFLICT DO UPDATE SET users = users + 1;
                    END"""),
            sql(
                    """
                    ALTER TABLE delivery ADD COLUMN first_attempt_at INTEGER"""),
            sql(
                    """
                    DROP TRIGGER directory_user_search_insert""",
                    """
                    DROP TRIGGER directory_user_search_delete""",
                    """
                    DROP TRIGGER directory_user_search_update""",
                    """
                    DROP TABLE directory_user_search""",
                    """
                    ALTER TABLE directory_user ADD COLUMN search_key TEXT NOT NULL DEFAULT ''""",
                    """
                    UPDATE directory_user
                    SET search_key = """ + SEARCH_KEY_FUNCTION + "(display_name, username, email, first_name, last_name)",
                    """
                    CREATE VIRTUAL TABLE directory_user_search USING fts5 (
                        search_key, content = 'directory_user', content_rowid = 'id',
                        tokenize = 'trigram case_sensitive 1'
                    )""",
                    """
                    INSERT INTO directory_user_search (directory_user_search) VALUES ('rebuild')""",
                    """
                    CREATE TRIGGER directory_user_search_insert AFTER INSERT ON directory_user BEGIN
                        INSERT INTO directory_user_search (rowid, search_key) VALUES (new.id, new.search_key);
                    END""",
                    """
                    CREATE TRIGGER directory_user_search_delete AFTER DELETE ON directory_user BEGIN
                        INSERT INTO directory_user_search (directory_user_search, rowid, search_key)
                        VALUES ('delete', old.id, old.search_key);
                    END""",
                    """
                    CREATE TRIGGER directory_user_search_update AFTER UPDATE OF search_key ON directory_user BEGIN
                        INSERT INTO directory_user_search (directory_user_search, rowid, search_key)
                        VALUES ('delete', old.id, old.search_key);
                        INSERT INTO directory_user_search (rowid, search_key) VALUES (new.id, new.search_key);
                    END"""),
            sql(
                    """
                    CREATE TABLE listing_anchor (
                        store_id INTEGER NOT NULL REFERENCES identity_store (id) ON DELETE CASCADE,
                        filter   TEXT    NOT NULL,
                        sort     TEXT    NOT NULL,
                        row      INTEGER NOT NULL,
                        k1, k2, k3,
                        users    INTEGER NOT NULL,
                        PRIMARY KEY (store_id, filter, sort, row)
                    ) WITHOUT ROWID"""),
            sql(
                    // enrolled_types in each sort index of a store: a filtered listing is walked in the
                    // index alone instead of looking up every user's row to test the filter
                    """
                    DROP INDEX directory_user_store_by_display""",
                    """
                    CREATE INDEX directory_user_store_by_display ON directory_user (store_id, display_key, id, enrolled_types)""",
                    """
                    DROP INDEX directory_user_store_by_username""",
                    """
                    CREATE INDEX directory_user_store_by_username ON directory_user (store_id, username_key, id, enrolled_types)""",
                    """
                    DROP INDEX directory_user_store_by_email""",
                    """
                    CREATE INDEX directory_user_store_by_email ON directory_user (store_id, email_key, id, enrolled_types)"""),
            sql(
                    // the search key in a store's default order: a search many users match is checked
                    // while walking the index alone, instead of first collecting the search index's matches
                    """
                    DROP INDEX directory_user_store_by_display""",
                    """
                    CREATE INDEX directory_user_store_by_display
                        ON directory_user (store_id, display_key, id, enrolled_types, search_key)"""),
            sql(
                    // enrolled_types in the sort indexes across all stores too: listed by one enrollment
                    // type there, the middle of a million users took 472 ms looking up each user's row;
                    // the display-name index gets it in step 11, which rebuilds that index anyway
                    """
                    DROP INDEX directory_user_by_username""",
                    """
                    CREATE INDEX directory_user_by_username ON directory_user (username_key, id, enrolled_types)""",
                    """
                    DROP INDEX directory_user_by_email""",
                    """
                    CREATE INDEX directory_user_by_email ON directory_user (email_key, id, enrolled_types)"""),
            sql(
                    // enrolled_types and the search key in the display-name order across all stores too,
                    // as in a store's (steps 8 and 9): the window's first listing is filtered and searched
                    // in that index alone
                    """
                    DROP INDEX directory_user_by_display""",
                    """
                    CREATE INDEX directory_user_by_display ON directory_user (display_key, id, enrolled_types, search_key)"""),
            sql(
                    // the search index keyed by each user's place in its store's display-name order
                    // (DisplayRanks), so a store's search reads its matches in that order
                    """
                    DROP TRIGGER directory_user_search_insert""",
                    """
                    DROP TRIGGER directory_user_search_delete""",
                    """
                    DROP TRIGGER directory_user_search_update""",
                    """
                    DROP TABLE directory_user_search""",
                    """
                    ALTER TABLE directory_user ADD COLUMN display_rank INTEGER""",
                    DisplayRanks.RANK_EVERY_STORE,
                    // with what a search's count reads of each match, so that counting reads no row:
                    // "@corp" (950,641 matches) counted in 0.41 s instead of 1.5 s, "Nguy" in 26 ms instead of 90
                    """
                    CREATE INDEX directory_user_by_rank
                        ON directory_user (display_rank, store_id, enrolled_types, email IS NULL)""",
                    // the rank in the other orders' indexes: a search many users match, listed in
                    // one of them, keeps the search index's matches while walking the index alone
                    """
                    DROP INDEX directory_user_by_username""",
                    """
                    CREATE INDEX directory_user_by_username ON directory_user (username_key, id, enrolled_types, display_rank)""",
                    """
                    DROP INDEX directory_user_by_email""",
                    """
                    CREATE INDEX directory_user_by_email ON directory_user (email_key, id, enrolled_types, display_rank)""",
                    """
                    DROP INDEX directory_user_by_status""",
                    """
                    CREATE INDEX directory_user_by_status ON directory_user (enrolled_types, display_key, id, display_rank)""",
                    """
                    DROP INDEX directory_user_store_by_username""",
                    """
                    CREATE INDEX directory_user_store_by_username
                        ON directory_user (store_id, username_key, id, enrolled_types, display_rank)""",
                    """
                    DROP INDEX directory_user_store_by_email""",
                    """
                    CREATE INDEX directory_user_store_by_email
                        ON directory_user (store_id, email_key, id, enrolled_types, display_rank)""",
                    """
                    DROP INDEX directory_user_store_by_status""",
                    """
                    CREATE INDEX directory_user_store_by_status
                        ON directory_user (store_id, enrolled_types, display_key, id, display_rank)""",
                    """
                    CREATE VIRTUAL TABLE directory_user_search USING fts5 (
                        search_key, content = 'directory_user', content_rowid = 'display_rank',
                        tokenize = 'trigram case_sensitive 1'
                    )""",
                    """
                    INSERT INTO directory_user_search (rowid, search_key)
                    SELECT display_rank, search_key FROM directory_user ORDER BY display_rank""",
                    // users are added without a rank: DisplayRanks.fill ranks and indexes them
                    """
                    CREATE TRIGGER directory_user_search_delete AFTER DELETE ON directory_user
                    WHEN old.display_rank IS NOT NULL BEGIN
                        INSERT INTO directory_user_search (directory_user_search, rowid, search_key)
                        VALUES ('delete', old.display_rank, old.search_key);
                    END""",
                    // one trigger, so the old entry always goes before the new one, which may have its key;
                    // a renamed user loses its rank, and its entry until DisplayRanks.fill ranks it again;
                    // an import sets every changed user's search key, mostly to what it was
                    """
                    CREATE TRIGGER directory_user_search_update AFTER UPDATE OF search_key ON directory_user
                    WHEN old.search_key IS NOT new.search_key OR old.display_rank IS NOT new.display_rank
                    BEGIN
                        INSERT INTO directory_user_search (directory_user_search, rowid, search_key)
                        SELECT 'delete', old.display_rank, old.search_key WHERE old.display_rank IS NOT NULL;
                        INSERT INTO directory_user_search (rowid, search_key)
                        SELECT new.display_rank, new.search_key WHERE new.display_rank IS NOT NULL;
                    END"""),
            sql(HOLD_LARGE_SEARCH_INDEX_WRITES),
            // No search uses the length of each user's entry, which FTS5 keeps in a table of its own
            // unless told not to: indexing a million users' search keys took 1.96 s without, 2.5 s with.
            // The index is made again, and its settings with it.
            sql("""
                    DROP TABLE directory_user_search""",
                    """
                    CREATE VIRTUAL TABLE directory_user_search USING fts5 (
                        search_key, content = 'directory_user', content_rowid = 'display_rank',
                        tokenize = 'trigram case_sensitive 1', columnsize = 0
                    )""",
                    HOLD_LARGE_SEARCH_INDEX_WRITES,
                    """
                    INSERT INTO directory_user_search (rowid, search_key)
                    SELECT display_rank, search_key FROM directory_user WHERE display_rank IS NOT NULL
                    ORDER BY display_rank"""),
            SchemaMigrations::keepUsersExternalIdKeyInAnIndexOfItsOwn,
            // A listing of all stores merges each store's read in its own index (UserQuerySql.mergesStores).
            sql("""
                    DROP INDEX directory_user_by_display""",
                    """
                    DROP INDEX directory_user_by_username""",
                    """
                    DROP INDEX directory_user_by_email""",
                    """
                    DROP INDEX directory_user_by_status"""),
            // Each user removed (a store deleted, a re-import's leavers) has SQLite find the deliveries
            // that refer to it, to unlink them: without this index, by reading every delivery, 64 ms
            // a user with 950,000 queued, so deleting a store of a million users would take 18 hours.
            sql("""
                    CREATE INDEX delivery_by_user ON delivery (user_id)"""));

    static final int LATEST_VERSION = STEPS.size();

    private SchemaMigrations() {
    }

    static void checkSupported(int version, Path file) {
        if (version > LATEST_VERSION) {
            throw new StoreException("The database file " + file + " was written by a newer version of Enroll"
                    + " Notifier (schema " + version + ", this version knows up to " + LATEST_VERSION + ")."
                    + " It was left untouched; use the newer version.");
        }
    }

    /** Applies every step after {@code fromVersion}, inside the caller's transaction. */
    static void migrate(Connection connection, int fromVersion) throws SQLException {
        migrate(connection, fromVersion, LATEST_VERSION);
    }

    /** Applies the steps after {@code fromVersion} up to {@code toVersion}: tests build older files with it. */
    static void migrate(Connection connection, int fromVersion, int toVersion) throws SQLException {
        Function.create(connection, SEARCH_KEY_FUNCTION, new SearchKeyFunction(), 5, Function.FLAG_DETERMINISTIC);
        try (Statement statement = connection.createStatement()) {
            for (int step = fromVersion; step < toVersion; step++) {
                STEPS.get(step).apply(statement);
            }
            statement.execute("PRAGMA user_version = " + toVersion);
        } finally {
            Function.destroy(connection, SEARCH_KEY_FUNCTION, 5);
        }
    }

    /** One step of the schema's history, applied in the migration's transaction. */
    private interface Step {
        void apply(Statement statement) throws SQLException;
    }

    private static Step sql(String... statements) {
        return statement -> {
            for (String sql : statements) {
                statement.execute(sql);
            }
        };
    }

    /**
     * Makes the users' table again with its key on external ids as an index of its own, where it
     * was part of the table, which SQLite can neither drop nor change: an import that fills a store
     * then drops it with the sort indexes and builds it after the users are added. Kept up while they
     * were added, in the display-name order, it took each external id at a random place: a million
     * users were added in 3.5–4.2 s with it and 1.7–1.9 s without, and it was built in 0.5 s. The
     * table is made anew the way SQLite's documentation describes (lang_altertable.html, "other
     * kinds of table schema changes"): every user keeps its id, and so its deliveries and search
     * index entry, as migrations run without reference checks; its indexes and triggers are made
     * again as they were.
     */
    private static void keepUsersExternalIdKeyInAnIndexOfItsOwn(Statement statement) throws SQLException {
        List<String> indexesAndTriggers = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT sql FROM sqlite_schema WHERE tbl_name = 'directory_user'"
                + " AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")) {
            while (rs.next()) {
                indexesAndTriggers.add(rs.getString(1));
            }
        }
        statement.execute("""
                CREATE TABLE directory_user_rebuilt (
                """ + FIRST_USER_COLUMNS + """
                    search_key     TEXT    NOT NULL DEFAULT '',
                    display_rank   INTEGER
                )""");
        String columns = "id, store_id, external_id, username, first_name, last_name, display_name, email,"
                + " department, enrolled_types, enrolled_at, display_key, username_key, email_key, search_key, display_rank";
        statement.execute("INSERT INTO directory_user_rebuilt (" + columns + ") SELECT " + columns
                + " FROM directory_user ORDER BY id");
        statement.execute("DROP TABLE directory_user");
        statement.execute("ALTER TABLE directory_user_rebuilt RENAME TO directory_user");
        statement.execute("CREATE UNIQUE INDEX directory_user_by_external_id ON directory_user (store_id, external_id)");
        for (String sql : indexesAndTriggers) {
            statement.execute(sql);
        }
    }

    private static final class SearchKeyFunction extends Function {
        @Override
        protected void xFunc() throws SQLException {
            result(TextFolding.searchKey(value_text(0), value_text(1), value_text(2), value_text(3), value_text(4)));
        }
    }
}
