package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.enrollnotifier.model.EnrollmentType;

/**
 * An enrollment report waits in a TEMP table until it has been read whole, then one write
 * transaction copies it onto the store's users, matched by username or email address.
 */
public final class EnrollmentStaging {

    /** One row of a report. */
    public record Row(String key, boolean byEmail, Set<EnrollmentType> types, Instant enrolledAt) {
    }

    /** Users updated, and users already as reported. */
    public record Outcome(int updated, int unchanged) {
    }

    /**
     * The key each kind of row is matched by, by the value of its {@code by_email}: one index each, so
     * that each row seeks its users. Matched by either in one condition, each user of the store was
     * compared with every row: a report of 1,000 users into a store of a million did not finish in
     * 200 s, and takes 1.9 s so (the command, start to end); a report of the million, 17.5 s.
     */
    private static final List<String> KEY_COLUMNS = List.of("username_key", "email_key");
    /** Of the rows for one user, the report's last, as a report that lists a user twice means its later entry. */
    private static final String LATEST = "(SELECT * FROM temp.import_enrollment WHERE rowid IN"
            + " (SELECT max(rowid) FROM temp.import_enrollment GROUP BY by_email, key_folded))";

    /** The keys of rows that name no user of the store ?1, in the report's order. */
    static final String UNMATCHED = "SELECT e.key FROM temp.import_enrollment e WHERE"
            + " NOT EXISTS (SELECT 1 FROM directory_user u WHERE e.by_email = 0 AND " + matches(0) + ")"
            + " AND NOT EXISTS (SELECT 1 FROM directory_user u WHERE e.by_email = 1 AND " + matches(1) + ")"
            + " ORDER BY e.rowid";

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
     *
     * @param unmatched takes the key of each row that names no user of the store, in the report's order
     */
    public Outcome apply(Connection c, long storeId, Consumer<String> unmatched) throws SQLException {
        int matched = 0;
        int updated = 0;
        for (int byEmail = 0; byEmail < KEY_COLUMNS.size(); byEmail++) {
            matched += Math.toIntExact(LongParameterStatements.number(c, matchedSql(byEmail), storeId));
            updated += LongParameterStatements.update(c, updateSql(byEmail), storeId);
        }
        try (PreparedStatement select = c.prepareStatement(UNMATCHED)) {
            select.setLong(1, storeId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    unmatched.accept(rs.getString(1));
                }
            }
        }
        anchors.rebuild(c, storeId);
        return new Outcome(updated, matched - updated);
    }

    /** How many of the store's users the rows keyed by username ({@code byEmail} 0) or email (1) name. */
    static String matchedSql(int byEmail) {
        return "SELECT count(*) FROM directory_user u, " + rowsAndTheirUsers(byEmail);
    }

    /** Gives the users the rows name their row's enrollment, where it differs. */
    static String updateSql(int byEmail) {
        return "UPDATE directory_user AS u SET enrolled_types = e.types, enrolled_at = e.enrolled_at FROM "
                + rowsAndTheirUsers(byEmail) + " AND (u.enrolled_types, u.enrolled_at) IS NOT (e.types, e.enrolled_at)";
    }

    private static String rowsAndTheirUsers(int byEmail) {
        return LATEST + " e WHERE e.by_email = " + byEmail + " AND " + matches(byEmail);
    }

    /** The store's users that a row keyed by username ({@code byEmail} 0) or by email (1) names; the store is ?1. */
    private static String matches(int byEmail) {
        return "u.store_id = ?1 AND u." + KEY_COLUMNS.get(byEmail) + " = e.key_folded";
    }

    public void finish(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS temp.import_enrollment");
        }
    }
}
