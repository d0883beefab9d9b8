package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The users table's indexes, and one of its triggers, dropped while many users are added or removed
 * at once and made again afterwards. Kept up to date row by row, each index takes or gives up every
 * key at a random place; made afterwards, each is one sort of the rows there are then. Both steps
 * run in the caller's transaction: a failure rolls the dropped indexes and trigger back with the rows.
 */
final class SetAsideIndexes {

    private record SchemaObject(String type, String name, String sql) {
    }

    private final List<SchemaObject> objects;

    private SetAsideIndexes(List<SchemaObject> objects) {
        this.objects = objects;
    }

    /** Drops the users table's indexes and its trigger named {@code trigger}. */
    static SetAsideIndexes drop(Connection c, String trigger) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        // indexes first, so the trigger is back only once they are
        try (PreparedStatement query = c.prepareStatement("SELECT type, name, sql FROM sqlite_schema"
                + " WHERE tbl_name = 'directory_user' AND (type = 'index' AND sql IS NOT NULL"
                + " OR type = 'trigger' AND name = ?) ORDER BY type, name")) {
            query.setString(1, trigger);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    objects.add(new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        try (Statement statement = c.createStatement()) {
            for (SchemaObject object : objects) {
                statement.execute("DROP " + object.type().toUpperCase(Locale.ROOT) + " " + object.name());
            }
        }
        return new SetAsideIndexes(objects);
    }

    /** Makes the indexes and the trigger again, as they were. */
    void restore(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            for (SchemaObject object : objects) {
                statement.execute(object.sql());
            }
        }
    }
}
