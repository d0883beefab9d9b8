package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.LeftOutReason;
import org.enrollnotifier.model.RecipientCounts;
import org.enrollnotifier.model.RecipientSelection;

/**
 * Whom a selection addresses, resolved once into a TEMP table of the connection: each addressed
 * user with why they are left out, if they are. The operator reviews it page by page and queues
 * exactly it, so nothing the size of the directory is ever held in memory.
 *
 * <p>A user is left out with no email address, when already enrolled with every selected type,
 * or when an earlier user in display-name order has the same address (compared case-insensitively).
 */
public final class RecipientSnapshot {

    /** A user of the snapshot and where it stands in display-name order. */
    public record Row(DirectoryUser user, String address, LeftOutReason reason, SortKey key) {
    }

    private static final AtomicLong NEXT_TABLE = new AtomicLong();

    private final String table;
    private final RecipientCounts counts;
    private boolean ordered;

    private RecipientSnapshot(String table, RecipientCounts counts) {
        this.table = table;
        this.counts = counts;
    }

    /** Resolves the selection; run in a transaction that may write TEMP tables. */
    public static RecipientSnapshot create(Connection c, RecipientSelection selection, int typesMask)
            throws SQLException {
        String table = "recipient_snapshot_" + NEXT_TABLE.incrementAndGet();
        execute(c, "CREATE TEMP TABLE " + table + " (user_id INTEGER PRIMARY KEY, left_out INTEGER NOT NULL,"
                + " reason TEXT, address TEXT, display_key TEXT NOT NULL)");
        insertAddressed(c, table, selection, typesMask);
        execute(c, "UPDATE " + table + " SET left_out = 1, reason = 'DUPLICATE_ADDRESS' WHERE user_id IN ("
                + " SELECT user_id FROM (SELECT user_id, row_number() OVER (PARTITION BY lower(address)"
                + "   ORDER BY display_key, user_id) AS n FROM " + table + " WHERE left_out = 0 AND lower(address) IN ("
                + "     SELECT lower(address) FROM " + table + " WHERE left_out = 0"
                + "     GROUP BY lower(address) HAVING count(*) > 1))"
                + " WHERE n > 1)");
        return new RecipientSnapshot(table, count(c, table));
    }

    /**
     * Reads the addressed users in table order: a query without a search scans the users' table
     * once, front to back, which beats visiting a store's users through an index in random order.
     */
    private static void insertAddressed(Connection c, String table, RecipientSelection selection, int typesMask)
            throws SQLException {
        UserQuerySql sql = new UserQuerySql(selection.query());
        String source = selection.byChecks()
                ? "directory_user u WHERE u.id IN (SELECT value FROM json_each(?))"
                : sql.fromScan();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                + " (user_id, left_out, reason, address, display_key)"
                + " SELECT u.id, u.email IS NULL OR (u.enrolled_types & ?1) = ?1,"
                + "   CASE WHEN u.email IS NULL THEN 'NO_EMAIL' WHEN (u.enrolled_types & ?1) = ?1"
                + "   THEN 'ALREADY_ENROLLED' END, u.email, u.display_key"
                + " FROM " + source)) {
            insert.setInt(1, typesMask);
            if (selection.byChecks()) {
                insert.setString(2, selection.checkedIds().stream().map(String::valueOf)
                        .collect(Collectors.joining(",", "[", "]")));
            } else {
                sql.bindMatchesFirst(insert, 2);
            }
            insert.executeUpdate();
        }
    }

    private static RecipientCounts count(Connection c, String table) throws SQLException {
        long recipients = 0;
        Map<LeftOutReason, Long> leftOut = new EnumMap<>(LeftOutReason.class);
        try (Statement select = c.createStatement();
             ResultSet rs = select.executeQuery("SELECT reason, count(*) FROM " + table + " GROUP BY reason")) {
            while (rs.next()) {
                String reason = rs.getString(1);
                if (reason == null) {
                    recipients = rs.getLong(2);
                } else {
                    leftOut.put(LeftOutReason.valueOf(reason), rs.getLong(2));
                }
            }
        }
        return new RecipientCounts(recipients, leftOut);
    }

    public RecipientCounts counts() {
        return counts;
    }

    /**
     * Up to {@code limit} recipients ({@code leftOut} false) or left-out users following {@code after}
     * (null: from the start), in display-name order. The order's index is built on the first read,
     * so queuing from the command line never pays for it.
     */
    public List<Row> page(Connection c, boolean leftOut, SortKey after, int limit) throws SQLException {
        if (!ordered) {
            execute(c, "CREATE INDEX IF NOT EXISTS " + table + "_order ON " + table
                    + " (left_out, display_key, user_id)");
            ordered = true;
        }
        String text = "SELECT " + DirectoryUserRepository.COLUMNS + ", t.address, t.reason, t.display_key"
                + " FROM " + table + " t CROSS JOIN directory_user u ON u.id = t.user_id"
                + " JOIN identity_store s ON s.id = u.store_id WHERE t.left_out = ?"
                + (after == null ? "" : " AND (t.display_key, t.user_id) > (?, ?)")
                + " ORDER BY t.display_key, t.user_id LIMIT ?";
        try (PreparedStatement select = c.prepareStatement(text)) {
            int index = 1;
            select.setBoolean(index++, leftOut);
            if (after != null) {
                select.setObject(index++, after.values().get(0));
                select.setObject(index++, after.values().get(1));
            }
            select.setInt(index, limit);
            List<Row> rows = new ArrayList<>(limit);
            try (ResultSet rs = select.executeQuery()) {
                int first = DirectoryUserRepository.COLUMN_COUNT + 1;
                while (rs.next()) {
                    DirectoryUser user = DirectoryUserRepository.readUser(rs);
                    String reason = rs.getString(first + 1);
                    rows.add(new Row(user, rs.getString(first), reason == null ? null : LeftOutReason.valueOf(reason),
                            new SortKey(List.of(rs.getString(first + 2), user.id()))));
                }
            }
            return rows;
        }
    }

    /** Frees the snapshot's scratch space; it cannot be read afterwards. */
    public void drop(Connection c) throws SQLException {
        execute(c, "DROP TABLE IF EXISTS " + table);
    }

    String table() {
        return table;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
