package org.enrollnotifier.store;

import static org.enrollnotifier.store.LongParameterStatements.number;
import static org.enrollnotifier.store.LongParameterStatements.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import org.enrollnotifier.model.UserQuery;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Users read from a source wait in a TEMP table until the whole source has been read; then one
 * short write transaction makes the store equal to them. Writing TEMP tables takes no lock on the
 * database file, so a long import never blocks sending, and a failed or cancelled one leaves the
 * store exactly as it was.
 */
public final class ImportStaging {

    private static final String COLUMNS = DirectoryUserRepository.STORED_COLUMNS;
    private static final String COPY_STAGED = "INSERT INTO directory_user (store_id, " + COLUMNS + ") SELECT ?, "
            + COLUMNS + " FROM temp.import_user i";
    /**
     * The staged users in display-name order, ranked as they go: ids then follow that order among
     * equal display keys, as the ranks do.
     */
    private static final String COPY_STAGED_RANKED = "INSERT INTO directory_user (store_id, display_rank, " + COLUMNS
            + ") SELECT ?, ? + row_number() OVER (ORDER BY i.display_key, i.rowid) * ?, " + COLUMNS
            + " FROM temp.import_user i ORDER BY i.display_key, i.rowid";
    /** The page cache while every user is sorted, in KiB: see {@link #sortingInSmallRuns}. */
    private static final int SORT_CACHE_KIB = 8 * 1024;
    /** The trigger that counts each user added in its store's tallies (see {@link SchemaMigrations}). */
    private static final String TALLY_TRIGGER = "user_count_insert";

    /** The store's users whom no staged user matches, the store given as the only parameter. */
    private static final String LEAVERS = "store_id = ? AND external_id NOT IN (SELECT external_id FROM temp.import_user)";

    /** Whether a staged user is new to the store, given as {@code ?1} (also the copy's first parameter). */
    private static final String NEW_TO_THE_STORE = "NOT EXISTS (SELECT 1 FROM directory_user u"
            + " WHERE u.store_id = ?1 AND u.external_id = i.external_id)";

    private final ListingAnchors anchors = new ListingAnchors();
    private final DisplayRanks ranks = new DisplayRanks();
    private final DirectoryUserRepository users = new DirectoryUserRepository();

    /** How a store changed when staged users were applied to it. */
    public record Changes(int added, int updated, int removed, int unchanged) {
    }

    public void start(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS temp.import_user");
            statement.execute("CREATE TEMP TABLE import_user (external_id TEXT NOT NULL, username TEXT NOT NULL,"
                    + " first_name TEXT NOT NULL, last_name TEXT NOT NULL, display_name TEXT NOT NULL, email TEXT,"
                    + " department TEXT NOT NULL, enrolled_types INTEGER NOT NULL, enrolled_at INTEGER,"
                    + " display_key TEXT NOT NULL, username_key TEXT NOT NULL, email_key TEXT NOT NULL,"
                    + " search_key TEXT NOT NULL)");
        }
    }

    /** Stages a batch, as it comes: {@link #apply} keeps one user per external id. */
    public void add(Connection c, List<FoldedUser> users) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO temp.import_user (" + COLUMNS
                + ") VALUES (" + DirectoryUserRepository.STORED_MARKS + ")")) {
            for (FoldedUser user : users) {
                DirectoryUserRepository.bindStored(insert, 1, user);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Indexes the staged users by external id, which the changes to a store's users look each one
     * up by, and of users staged with the same external id keeps the last one only, as a source
     * that lists a user twice means its later entry; once, whether {@link #prepare} or {@link #apply} asks. Keyed by external id while being staged, a
     * source whose ids came in no order (directory GUIDs) had every user written at a random place
     * in that key, each batch's pages written out at its commit: a million such users took 8.5–9.2
     * s to stage, and 1.9–2.3 s with the index built afterwards in 0.5 s (in a transaction per
     * thousand users, as an import stages them). Whole imports of a million users in no order of
     * their ids: 23.1–25.9 s against 27.8–29.7 s, and re-imported unchanged, 9.5–10.1 s against
     * 15.3–15.5 s.
     */
    private static void keepOneEntryPerExternalId(Connection c) throws SQLException {
        if (number(c, "SELECT count(*) FROM temp.sqlite_schema WHERE name = 'import_user_by_external_id'") == 1) {
            return;
        }
        try (Statement statement = c.createStatement()) {
            statement.execute("CREATE INDEX temp.import_user_by_external_id ON import_user (external_id)");
            statement.execute("""
                    DELETE FROM temp.import_user
                    WHERE external_id IN (SELECT external_id FROM temp.import_user
                                          GROUP BY external_id HAVING count(*) > 1)
                      AND rowid < (SELECT max(later.rowid) FROM temp.import_user later
                                   WHERE later.external_id = import_user.external_id)""");
        }
    }

    /** Whether no user is staged; cheaper than counting them, which {@link #apply} does anyway. */
    public boolean isEmpty(Connection c) throws SQLException {
        return number(c, "SELECT NOT EXISTS (SELECT 1 FROM temp.import_user)") == 1;
    }

    /**
     * Once every user is staged, does what {@link #apply} will need and writes TEMP tables only, so
     * that it is done before the write transaction, without a lock on the database file: indexes
     * the staged users by external id, unless they fill an empty store. {@code storeId}: the store
     * they are for, when it exists already.
     */
    public void prepare(Connection c, OptionalLong storeId) throws SQLException {
        if (!fillsAnEmptyStore(c, storeId, staged(c))) {
            keepOneEntryPerExternalId(c);
        }
    }

    /** Whether the staged users fill an empty store, or a new one: see {@link #fillEmptyStore}. */
    private boolean fillsAnEmptyStore(Connection c, OptionalLong storeId, int staged) throws SQLException {
        return (storeId.isEmpty() || users.count(c, UserQuery.EVERYONE.withStore(storeId.getAsLong())).listed() == 0)
                && outnumbersTheTable(c, staged);
    }

    /**
     * Makes the store hold exactly the staged users, matched by external id: new ones added,
     * changed ones updated in place (their ids, so checks and history, survive), missing ones removed
     * (many of them by {@link BulkUserRemoval}); the added and renamed ones ranked in the display-name
     * order; then rebuilds the store's listing
     * anchors. A user staged more than once is applied as its last entry. Runs in the caller's
     * write transaction.
     */
    public Changes apply(Connection c, long storeId) throws SQLException {
        int staged = staged(c);
        if (fillsAnEmptyStore(c, OptionalLong.of(storeId), staged)) {
            int added = fillEmptyStore(c, storeId, staged);
            anchors.rebuild(c, storeId);
            return new Changes(added, 0, 0, 0);
        }
        keepOneEntryPerExternalId(c);
        staged = staged(c);
        long storeUsers = users.count(c, UserQuery.EVERYONE.withStore(storeId)).listed();
        long allUsers = users.count(c, UserQuery.EVERYONE).listed();
        int updated = update(c, """
                UPDATE directory_user SET username = i.username, first_name = i.first_name, last_name = i.last_name,
                    display_name = i.display_name, email = i.email, department = i.department,
                    enrolled_types = i.enrolled_types, enrolled_at = i.enrolled_at, display_key = i.display_key,
                    username_key = i.username_key, email_key = i.email_key, search_key = i.search_key,
                    display_rank = CASE WHEN directory_user.display_key = i.display_key THEN directory_user.display_rank END
                FROM temp.import_user i
                WHERE directory_user.store_id = ? AND directory_user.external_id = i.external_id
                  AND (directory_user.username, directory_user.first_name, directory_user.last_name,
                       directory_user.display_name, directory_user.email, directory_user.department,
                       directory_user.enrolled_types, directory_user.enrolled_at)
                      IS NOT (i.username, i.first_name, i.last_name, i.display_name, i.email, i.department,
                       i.enrolled_types, i.enrolled_at)""", storeId);
        // at least as many leave as the store has users more than are staged
        long leavers = storeUsers - staged;
        int removed = BulkUserRemoval.pays(leavers, allUsers - leavers) ? BulkUserRemoval.remove(c, LEAVERS, storeId)
                : update(c, "DELETE FROM directory_user WHERE " + LEAVERS, storeId);
        int added = add(c, storeId, staged);
        anchors.rebuild(c, storeId);
        return new Changes(added, updated, removed, staged - added - updated);
    }

    private static int staged(Connection c) throws SQLException {
        return Math.toIntExact(number(c, "SELECT count(*) FROM temp.import_user"));
    }

    /**
     * Adds the staged users to an empty store ({@link #addWithIndexesBuiltAfter}). An external id
     * staged twice is found by the key on external ids, which is built after the users are added
     * anyway, instead of by indexing the staged users first, which took 0.6–0.7 s for a million:
     * the store is then filled again from one entry per external id.
     */
    private static int fillEmptyStore(Connection c, long storeId, int staged) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("SAVEPOINT fill");
            try {
                int added = addWithIndexesBuiltAfter(c, storeId, staged);
                statement.execute("RELEASE fill");
                return added;
            } catch (SQLiteException e) {
                if (e.getResultCode() != SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
                    throw e;
                }
                statement.execute("ROLLBACK TO fill");
                statement.execute("RELEASE fill");
            }
        }
        keepOneEntryPerExternalId(c);
        return addWithIndexesBuiltAfter(c, storeId, staged(c));
    }

    /**
     * Adds the staged users new to the store, and ranks them and the renamed ones. The store's
     * tallies tell how many staged users it holds, once those it should not hold are removed, where
     * counting the new ones would look up every staged one: when it holds all, there is no one to
     * add; when it holds none, every staged user is new.
     */
    private int add(Connection c, long storeId, int staged) throws SQLException {
        long kept = users.count(c, UserQuery.EVERYONE.withStore(storeId)).listed();
        if (kept == staged) {
            ranks.fill(c, storeId);
            return 0;
        }
        return kept == 0 && outnumbersTheTable(c, staged)
                ? addWithIndexesBuiltAfter(c, storeId, staged) : addRanked(c, storeId, staged - kept);
    }

    /** Whether at least as many users are staged as all stores hold: see {@link #addWithIndexesBuiltAfter}. */
    private boolean outnumbersTheTable(Connection c, int staged) throws SQLException {
        return staged >= users.count(c, UserQuery.EVERYONE).listed();
    }

    /**
     * Adds the staged users new to the store, ranked with the store's unranked (renamed) users in
     * one pass, each with its rank as it is added: ranked after being added, a hundred thousand
     * newcomers to a store of 300,000 took 7.4 s more, every index holding the rank written twice.
     * When some have no room between their neighbours, they are added unranked, and the store is
     * numbered again.
     */
    private int addRanked(Connection c, long storeId, long newcomers) throws SQLException {
        if (!ranks.rank(c, storeId, "SELECT i.rowid AS key, i.display_key, i.rowid AS tiebreak"
                + " FROM temp.import_user i WHERE " + NEW_TO_THE_STORE, newcomers)) {
            int added = update(c, COPY_STAGED + " WHERE " + NEW_TO_THE_STORE, storeId);
            ranks.fill(c, storeId);
            return added;
        }
        int added = update(c, "INSERT INTO directory_user (store_id, display_rank, " + COLUMNS + ") SELECT ?, r.rank, "
                + COLUMNS + " FROM temp.new_rank r JOIN temp.import_user i ON i.rowid = -r.key ORDER BY r.rank", storeId);
        ranks.indexRanked(c);
        return added;
    }

    /**
     * Adds users, ranked in display-name order ({@link DisplayRanks}), without the indexes and
     * the tallies' trigger, then builds those indexes again, and gives the search index and the
     * tallies the new users in one statement each (the search index in the order of the ranks, which
     * is the order of the ids). Kept up to date row by row, each sort index, the key on
     * external ids and the trigram index takes every key at a random place; built after, each index
     * is one sort of all the rows. Adding a million users to a nearly empty table took 26–28 s this
     * way and 44–64 s row by row (sqlite3 3.40, alternated runs; whole imports in the application
     * were 1.3–1.6× faster), so this is done when an empty store gets at least as many users as the
     * table held. The tally trigger's upsert per row halved the insert's speed: importing 300,000
     * users, the insert took 0.87–1.06 s without it and 1.69–1.86 s with it, and counting the staged
     * users afterwards 0.25–0.39 s (four alternated pairs). The store is empty, so every staged user
     * is new: none is looked up, and the staged users are the ones the tallies count. Every step is
     * in the caller's transaction: a failure rolls the dropped indexes and trigger back with the rows.
     */
    private static int addWithIndexesBuiltAfter(Connection c, long storeId, int staged) throws SQLException {
        long lastIdBefore = number(c, "SELECT coalesce(max(id), 0) FROM directory_user");
        SetAsideIndexes setAside = SetAsideIndexes.drop(c, TALLY_TRIGGER);
        DisplayRanks.Spread spread = DisplayRanks.Spread.centred(storeId, staged);
        int added = sortingInSmallRuns(c, connection -> {
            int copied = update(connection, COPY_STAGED_RANKED, storeId, spread.start(), spread.gap());
            setAside.restore(connection);
            update(connection, "INSERT INTO user_count (store_id, enrolled_types, has_email, users)"
                    + " SELECT ?, enrolled_types, email IS NOT NULL, count(*) FROM temp.import_user"
                    + " GROUP BY enrolled_types, email IS NOT NULL"
                    + " ON CONFLICT DO UPDATE SET users = users + excluded.users", storeId);
            return copied;
        });
        update(c, "INSERT INTO directory_user_search (rowid, search_key)"
                + " SELECT display_rank, search_key FROM directory_user WHERE id > ?", lastIdBefore);
        return added;
    }

    /**
     * Runs work that sorts every staged or added user, with the page cache, which also bounds how
     * much SQLite sorts in memory at once, made small: the keys are then sorted in runs of that size,
     * by the helper threads the connection allows ({@link Database}), while its own thread reads on,
     * and the runs merged. A million users' nine indexes were built 25–30% faster so (three of them:
     * 1.35–1.47 s against 1.86–2.02 s in one sort in memory), the users were added in display-name
     * order in 1.7–1.9 s against 2.4–2.5 s, and a million staged users were tallied by their types
     * in 0.25–0.27 s against 0.45–0.46 s (sqlite3). Adding rows at the end of a table and building
     * an index write each page once, so a small cache costs nothing there.
     */
    static <T> T sortingInSmallRuns(Connection c, SqlWork<T> work) throws SQLException {
        long cacheSize = number(c, "PRAGMA main.cache_size");
        try (Statement statement = c.createStatement()) {
            statement.execute("PRAGMA main.cache_size = -" + SORT_CACHE_KIB);
            try {
                return work.run(c);
            } finally {
                statement.execute("PRAGMA main.cache_size = " + cacheSize);
            }
        }
    }

    public void finish(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS temp.import_user");
        }
    }
}
