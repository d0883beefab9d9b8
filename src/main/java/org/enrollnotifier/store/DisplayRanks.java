package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Each user's place in its store's display-name order, as a number ({@code display_rank}). The
 * search index is keyed by it, so a search's matches come out of the index in that order, and a
 * page of a search many users match is its next matches in the index, instead of every match
 * looked up and sorted: "Olivia" among a million users, 62,357 matches found far into the order,
 * 61–63 ms sorted, well under a millisecond in order (sqlite3, the bench's store).
 *
 * <p>A store's ranks lie in its own range, {@code [storeId × SPAN, (storeId + 1) × SPAN)}, a
 * {@link #GAP} apart, centred in the range: users that a re-import adds or renames are ranked
 * between their neighbours, or beyond the first or last one, without renumbering the others. Only
 * when the room between two neighbours is used up is the store numbered again.
 *
 * <p>Ranks are kept by the import, in its transaction; a user without one (just added, or renamed)
 * is not in the search index until {@link #fill} ranks it.
 */
final class DisplayRanks {

    /** Room for 2^38 users a gap apart, with store ids up to 2^19. */
    static final long SPAN = 1L << 44;
    /**
     * Room for 63 users added between two neighbours. A search index entry stores its key as the
     * step from the previous one, in one byte up to 127: with 2^16 the index grew from 100 to 169 MB
     * on a million users, and a search for "user1234" (111 matches) took 22 ms instead of 3.
     */
    static final long GAP = 1L << 6;

    /**
     * For the users in {@code where} without a rank, by store: the rank between their ranked
     * neighbours in the order (or beyond the first or last ranked user of the store, or centred in
     * the range when none is ranked), evenly spread, and the gap it was spread with (0: no room).
     * A run of unranked users is told apart by how many ranked users precede it. The next ranked
     * user is found walking the order backwards, in a frame that only grows, which SQLite keeps up
     * as it goes: a frame from each row to the end is computed again for every row.
     */
    static String ranksOfUnranked(String where) {
        return """
                WITH ordered AS (
                    SELECT id, store_id, display_rank, row_number() OVER w AS position,
                           max(display_rank) OVER w AS below, count(display_rank) OVER w AS run
                    FROM directory_user WHERE %s
                    WINDOW w AS (PARTITION BY store_id ORDER BY display_key, id ROWS UNBOUNDED PRECEDING)),
                runs AS (
                    SELECT id, store_id, display_rank, below,
                           min(display_rank) OVER (PARTITION BY store_id ORDER BY position DESC
                               ROWS UNBOUNDED PRECEDING) AS above,
                           row_number() OVER (PARTITION BY store_id, run ORDER BY position) - (run > 0) AS place,
                           count(*) OVER (PARTITION BY store_id, run) - (run > 0) AS length
                    FROM ordered),
                spaced AS (
                    SELECT id, store_id, below, above, place, length,
                           min(%d, (coalesce(above, (store_id + 1) * %d) - coalesce(below, store_id * %d)) / (length + 1)) AS gap
                    FROM runs WHERE display_rank IS NULL)
                SELECT id, CASE WHEN below IS NOT NULL THEN below
                                WHEN above IS NOT NULL THEN above - (length + 1) * gap
                                ELSE store_id * %d + (%d - (length + 1) * gap) / 2 END + place * gap AS rank,
                       gap
                FROM spaced""".formatted(where, GAP, SPAN, SPAN, SPAN, SPAN);
    }

    /** Ranks every unranked user of every store: for a schema step, which then indexes them all. */
    static final String RANK_EVERY_STORE = "UPDATE directory_user SET display_rank = r.rank FROM ("
            + ranksOfUnranked("1 = 1") + ") AS r WHERE directory_user.id = r.id";

    /**
     * The ranks {@link #fill} gives {@code users} new users of an empty store: the n-th (from 1) at
     * {@code start + n × gap}. An import that fills an empty store ranks its users as it adds them.
     */
    record Spread(long start, long gap) {
        static Spread centred(long storeId, long users) {
            long gap = Math.min(GAP, SPAN / (users + 1));
            return new Spread(storeId * SPAN + (SPAN - (users + 1) * gap) / 2, gap);
        }
    }

    /**
     * Ranks the store's unranked users and adds them to the search index; numbers the whole store
     * again when some have no room between their neighbours. In the caller's transaction. The index
     * gets its entries in the order of their keys: FTS5 writes what it holds as a new segment of
     * the index whenever a key comes out of order, so entries added one by one in another order
     * would cost a segment each.
     */
    void fill(Connection c, long storeId) throws SQLException {
        if (!hasUnranked(c, storeId)) {
            return;
        }
        if (smallestGap(c, storeId) < 1) {
            execute(c, "INSERT INTO directory_user_search (directory_user_search, rowid, search_key)"
                    + " SELECT 'delete', display_rank, search_key FROM directory_user"
                    + " WHERE store_id = ? AND display_rank IS NOT NULL ORDER BY display_rank", storeId);
            execute(c, "UPDATE directory_user SET display_rank = NULL WHERE store_id = ?", storeId);
        }
        try (Statement statement = c.createStatement()) {
            statement.execute("CREATE TEMP TABLE new_rank (id INTEGER PRIMARY KEY, rank INTEGER NOT NULL)");
            try {
                execute(c, "INSERT INTO temp.new_rank (id, rank) SELECT id, rank FROM ("
                        + ranksOfUnranked("store_id = ?") + ")", storeId);
                statement.execute("UPDATE directory_user SET display_rank = r.rank FROM temp.new_rank r"
                        + " WHERE directory_user.id = r.id");
                statement.execute("INSERT INTO directory_user_search (rowid, search_key) SELECT r.rank, u.search_key"
                        + " FROM temp.new_rank r JOIN directory_user u ON u.id = r.id ORDER BY r.rank");
            } finally {
                statement.execute("DROP TABLE temp.new_rank");
            }
        }
    }

    private static boolean hasUnranked(Connection c, long storeId) throws SQLException {
        return number(c, "SELECT EXISTS (SELECT 1 FROM directory_user WHERE display_rank IS NULL AND store_id = ?)",
                storeId) == 1;
    }

    private static long smallestGap(Connection c, long storeId) throws SQLException {
        return number(c, "SELECT min(gap) FROM (" + ranksOfUnranked("store_id = ?") + ")", storeId);
    }

    private static long number(Connection c, String sql, long storeId) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, storeId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void execute(Connection c, String sql, long storeId) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, storeId);
            statement.executeUpdate();
        }
    }
}
