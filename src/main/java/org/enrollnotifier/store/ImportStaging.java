package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.UserQuery;

/**
 * Users read from a source wait in a TEMP table until the whole source has been read; then one
 * short write transaction makes the store equal to them. Writing TEMP tables takes no lock on the
 * database file, so a long import never blocks sending, and a failed or cancelled one leaves the
 * store exactly as it was.
 */
public final class ImportStaging {

    private static final String COLUMNS = DirectoryUserRepository.STORED_COLUMNS;
    /** The trigger that gives the trigram search index each user added (see {@link SchemaMigrations}). */
    private static final String SEARCH_TRIGGER = "directory_user_search_insert";

    private final ListingAnchors anchors = new ListingAnchors();
    private final DirectoryUserRepository users = new DirectoryUserRepository();

    /** How a store changed when staged users were applied to it. */
    public record Changes(int added, int updated, int removed, int unchanged) {
    }

    public void start(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS temp.import_user");
            statement.execute("CREATE TEMP TABLE import_user (external_id TEXT PRIMARY KEY, username TEXT NOT NULL,"
                    + " first_name TEXT NOT NULL, last_name TEXT NOT NULL, display_name TEXT NOT NULL, email TEXT,"
                    + " department TEXT NOT NULL, enrolled_types INTEGER NOT NULL, enrolled_at INTEGER,"
                    + " display_key TEXT NOT NULL, username_key TEXT NOT NULL, email_key TEXT NOT NULL,"
                    + " search_key TEXT NOT NULL)");
        }
    }

    /** Stages a batch; a later user with an external id already staged replaces the earlier one. */
    public void add(Connection c, List<DirectoryUser> users) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT OR REPLACE INTO temp.import_user (" + COLUMNS
                + ") VALUES (" + DirectoryUserRepository.STORED_MARKS + ")")) {
            for (DirectoryUser user : users) {
                DirectoryUserRepository.bindStored(insert, 1, user);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Makes the store hold exactly the staged users, matched by external id: new ones added,
     * changed ones updated in place (their ids, so checks and history, survive), missing ones removed;
     * then rebuilds the store's listing anchors. Runs in the caller's write transaction.
     */
    public Changes apply(Connection c, long storeId) throws SQLException {
        int staged = Math.toIntExact(number(c, "SELECT count(*) FROM temp.import_user"));
        int updated = update(c, """
                UPDATE directory_user SET username = i.username, first_name = i.first_name, last_name = i.last_name,
                    display_name = i.display_name, email = i.email, department = i.department,
                    enrolled_types = i.enrolled_types, enrolled_at = i.enrolled_at, display_key = i.display_key,
                    username_key = i.username_key, email_key = i.email_key, search_key = i.search_key
                FROM temp.import_user i
                WHERE directory_user.store_id = ? AND directory_user.external_id = i.external_id
                  AND (directory_user.username, directory_user.first_name, directory_user.last_name,
                       directory_user.display_name, directory_user.email, directory_user.department,
                       directory_user.enrolled_types, directory_user.enrolled_at)
                      IS NOT (i.username, i.first_name, i.last_name, i.display_name, i.email, i.department,
                       i.enrolled_types, i.enrolled_at)""", storeId);
        int added = fillsAnEmptyStoreDoublingTheTable(c, storeId, staged) ? addWithIndexesBuiltAfter(c, storeId)
                : add(c, storeId);
        int removed = update(c, "DELETE FROM directory_user WHERE store_id = ?"
                + " AND external_id NOT IN (SELECT external_id FROM temp.import_user)", storeId);
        anchors.rebuild(c, storeId);
        return new Changes(added, updated, removed, staged - added - updated);
    }

    private static int add(Connection c, long storeId) throws SQLException {
        return update(c, "INSERT INTO directory_user (store_id, " + COLUMNS + ") SELECT ?, " + COLUMNS
                + " FROM temp.import_user i WHERE NOT EXISTS (SELECT 1 FROM directory_user u"
                + " WHERE u.store_id = ? AND u.external_id = i.external_id)", storeId, storeId);
    }

    /**
     * Whether every staged user is new to an empty store and they are at least as many as the table
     * holds. The kept tallies answer both counts at once, where counting the new users of a store
     * that has some would look up every staged one.
     */
    private boolean fillsAnEmptyStoreDoublingTheTable(Connection c, long storeId, int staged) throws SQLException {
        return staged > 0 && users.count(c, UserQuery.EVERYONE.withStore(storeId)).listed() == 0
                && staged >= users.count(c, UserQuery.EVERYONE).listed();
    }

    /**
     * Adds users without the sort indexes and the search index's trigger, then builds those indexes
     * again and gives the search index the new users in one statement. Kept up to date row by row,
     * each of the 8 sort indexes and the trigram index takes every key at a random place; built after,
     * each index is one sort of all the rows. Adding a million users to a nearly empty table took
     * 26–28 s this way and 44–64 s row by row (sqlite3 3.40, alternated runs; whole imports in the
     * application were 1.3–1.6× faster), so this is done when an empty store gets at least as many
     * users as the table held. Every step is in the caller's transaction: a failure rolls the
     * dropped indexes and trigger back with the rows.
     */
    private static int addWithIndexesBuiltAfter(Connection c, long storeId) throws SQLException {
        long lastIdBefore = number(c, "SELECT coalesce(max(id), 0) FROM directory_user");
        List<SchemaObject> rebuilt = sortIndexesAndSearchTrigger(c);
        try (Statement statement = c.createStatement()) {
            for (SchemaObject object : rebuilt) {
                statement.execute("DROP " + object.type().toUpperCase(Locale.ROOT) + " " + object.name());
            }
            int added = add(c, storeId);
            for (SchemaObject object : rebuilt) {
                statement.execute(object.sql());
            }
            update(c, "INSERT INTO directory_user_search (rowid, search_key)"
                    + " SELECT id, search_key FROM directory_user WHERE id > ?", lastIdBefore);
            return added;
        }
    }

    private record SchemaObject(String type, String name, String sql) {
    }

    /** Indexes first, so the trigger is back only once they are; the unique key on external ids stays. */
    private static List<SchemaObject> sortIndexesAndSearchTrigger(Connection c) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT type, name, sql FROM sqlite_schema"
                + " WHERE tbl_name = 'directory_user' AND (type = 'index' AND sql IS NOT NULL"
                + " OR type = 'trigger' AND name = ?) ORDER BY type, name")) {
            query.setString(1, SEARCH_TRIGGER);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    objects.add(new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return objects;
    }

    public void finish(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS temp.import_user");
        }
    }

    private static long number(Connection c, String sql, long... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int update(Connection c, String sql, long... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, long... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setLong(i + 1, parameters[i]);
        }
    }
}
