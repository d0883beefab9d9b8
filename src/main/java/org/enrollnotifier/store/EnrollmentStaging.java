package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.enrollnotifier.model.EnrollmentType;

/**
 * An enrollment report waits in a TEMP table until it has been read whole, then one write
 * transaction copies it onto the store's users, matched by username or email address.
 */
public final class EnrollmentStaging {

    /** One row of a report. */
    public record Row(String key, boolean byEmail, Set<EnrollmentType> types, Instant enrolledAt) {
    }

    /** How many users were updated, and the keys that matched no user of the store. */
    public record Outcome(int updated, List<String> unmatched) {
    }

    private static final String MATCHES = "u.store_id = ? AND ((e.by_email = 0 AND u.username_key = e.key_folded)"
            + " OR (e.by_email = 1 AND u.email_key = e.key_folded))";

    private final ListingAnchors anchors = new ListingAnchors();

    public void start(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS temp.import_enrollment");
            statement.execute("CREATE TEMP TABLE import_enrollment (key TEXT NOT NULL, key_folded TEXT NOT NULL,"
                    + " by_email INTEGER NOT NULL, types INTEGER NOT NULL, enrolled_at INTEGER)");
        }
    }

    public void add(Connection c, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO temp.import_enrollment"
                + " (key, key_folded, by_email, types, enrolled_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                insert.setString(1, row.key());
                insert.setString(2, TextFolding.fold(row.key()));
                insert.setBoolean(3, row.byEmail());
                insert.setInt(4, EnrollmentType.toMask(row.types()));
                if (row.enrolledAt() == null) {
                    insert.setNull(5, Types.INTEGER);
                } else {
                    insert.setLong(5, row.enrolledAt().toEpochMilli());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Copies the staged enrollment onto the store's users, then rebuilds the store's listing
     * anchors (the status order changed). Runs in the caller's write transaction.
     */
    public Outcome apply(Connection c, long storeId) throws SQLException {
        int updated;
        try (PreparedStatement update = c.prepareStatement("UPDATE directory_user AS u"
                + " SET enrolled_types = e.types, enrolled_at = e.enrolled_at"
                + " FROM temp.import_enrollment e WHERE " + MATCHES)) {
            update.setLong(1, storeId);
            updated = update.executeUpdate();
        }
        List<String> unmatched = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT e.key FROM temp.import_enrollment e"
                + " WHERE NOT EXISTS (SELECT 1 FROM directory_user u WHERE " + MATCHES + ") ORDER BY e.rowid")) {
            select.setLong(1, storeId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    unmatched.add(rs.getString(1));
                }
            }
        }
        anchors.rebuild(c, storeId);
        return new Outcome(updated, unmatched);
    }

    public void finish(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS temp.import_enrollment");
        }
    }
}
