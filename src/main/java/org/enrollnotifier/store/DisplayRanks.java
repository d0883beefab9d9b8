package org.enrollnotifier.store;

import static org.enrollnotifier.store.LongParameterStatements.number;
import static org.enrollnotifier.store.LongParameterStatements.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Each user's place in its store's display-name order, as a number ({@code display_rank}). The
 * search index is keyed by it, so a search's matches come out of the index in that order, and a
 * page of a search many users match is its next matches in the index, instead of every match
 * looked up and sorted, or the order walked to them: "Olivia" among a million users, 62,357 matches
 * found far into the order, 61–63 ms walking, well under a millisecond in order (the bench).
 *
 * <p>A store's ranks lie in its own range, {@code [storeId × SPAN, (storeId + 1) × SPAN)}, a
 * {@link #GAP} apart, centred in the range: users that a re-import adds or renames are ranked
 * between their neighbours, or beyond the first or last one, without renumbering the others. Only
 * when the room between two neighbours is used up is the store numbered again.
 *
 * <p>Ranks are kept by the import, in its transaction; a user without one (renamed, or added by
 * {@code DirectoryUserRepository.insertAll}) is not in the search index until it is ranked.
 */
final class DisplayRanks {

    /** Room for 2^31 users a gap apart, with store ids up to 2^19. */
    static final long SPAN = 1L << 44;
    /**
     * Room for 8,191 users added between two neighbours: a run of newcomers with one display name
     * (service accounts, or the bench's generated users, a few hundred to a name) lands in one gap,
     * and a run that does not fit numbers the whole store again. A search index entry stores its
     * key as the step from the previous one, in two bytes up to 16,383 (one up to 127): on a
     * million users the index took 136 MB with steps of 1,024 (two bytes, as 8,192), 106 MB with 64
     * and 169 MB with 65,536, and counting the matches of "nguy", "@corp" or "user1234" took as long
     * with 64 as with 1,024 (sqlite3, the same folder).
     */
    static final long GAP = 1L << 13;
    /**
     * Up to one user to rank in this many of a store, each one's neighbours are sought in an index
     * (two seeks each), else the whole store is walked in order (a window pass, about 2 s for
     * 400,000 users): a re-import that adds a hundred users to a million then costs milliseconds.
     */
    static final int NEAR_NEIGHBOURS_AT_MOST_ONE_IN = 4;

    /**
     * For the rows of {@code rows} without a rank, by store: the rank between their ranked
     * neighbours in the order (or beyond the first or last ranked user of the store, or centred in
     * the range when none is ranked), evenly spread, and the gap it was spread with (0: no room).
     * {@code rows} gives {@code key, store_id, display_key, tiebreak, display_rank}: the order is
     * the display key, then the tiebreak. One pass over every row in that order: a run of unranked
     * rows is told apart by how many ranked ones precede it. The next ranked row is found walking
     * the order backwards, in a frame that only grows, which SQLite keeps up as it goes: a frame
     * from each row to the end is computed again for every row.
     */
    static String ranksOfUnranked(String rows) {
        return spread("""
                WITH ordered AS (
                    SELECT key, store_id, display_rank, row_number() OVER w AS position,
                           max(display_rank) OVER w AS below, count(display_rank) OVER w AS run
                    FROM (%s)
                    WINDOW w AS (PARTITION BY store_id ORDER BY display_key, tiebreak ROWS UNBOUNDED PRECEDING)),
                runs AS (
                    SELECT key, store_id, display_rank, below,
                           min(display_rank) OVER (PARTITION BY store_id ORDER BY position DESC
                               ROWS UNBOUNDED PRECEDING) AS above,
                           row_number() OVER (PARTITION BY store_id, run ORDER BY position) - (run > 0) AS place,
                           count(*) OVER (PARTITION BY store_id, run) - (run > 0) AS length
                    FROM ordered),
                bounds AS (SELECT key, store_id, below, above, place, length FROM runs WHERE display_rank IS NULL)"""
                .formatted(rows));
    }

    /**
     * Like {@link #ranksOfUnranked}, for the unranked rows {@code unranked} of the store {@code ?1}
     * alone ({@code key, display_key, tiebreak}): each one's ranked neighbours are sought in the
     * store's display-name index, instead of walking the whole store. Rows of one run share the
     * neighbour below them.
     */
    static String ranksNearNeighbours(String unranked) {
        return spread("""
                WITH near AS (
                    SELECT x.key, x.display_key, x.tiebreak,
                           (SELECT u.display_rank FROM directory_user u WHERE u.store_id = ?1
                                AND (u.display_key, u.id) < (x.display_key, x.tiebreak) AND u.display_rank IS NOT NULL
                                ORDER BY u.display_key DESC, u.id DESC LIMIT 1) AS below,
                           (SELECT u.display_rank FROM directory_user u WHERE u.store_id = ?1
                                AND (u.display_key, u.id) > (x.display_key, x.tiebreak) AND u.display_rank IS NOT NULL
                                ORDER BY u.display_key, u.id LIMIT 1) AS above
                    FROM (%s) x),
                bounds AS (
                    SELECT key, ?1 AS store_id, below, above,
                           row_number() OVER (PARTITION BY below ORDER BY display_key, tiebreak) AS place,
                           count(*) OVER (PARTITION BY below) AS length
                    FROM near)""".formatted(unranked));
    }

    /** The ranks and gaps of the rows in {@code bounds} ({@code key, store_id, below, above, place, length}). */
    private static String spread(String bounds) {
        return bounds + """
                ,
                spaced AS (
                    SELECT key, store_id, below, above, place, length,
                           min(%d, (coalesce(above, (store_id + 1) * %d) - coalesce(below, store_id * %d)) / (length + 1)) AS gap
                    FROM bounds)
                SELECT key, CASE WHEN below IS NOT NULL THEN below
                                 WHEN above IS NOT NULL THEN above - (length + 1) * gap
                                 ELSE store_id * %d + (%d - (length + 1) * gap) / 2 END + place * gap AS rank,
                       gap
                FROM spaced""".formatted(GAP, SPAN, SPAN, SPAN, SPAN);
    }

    /** The users of {@code where} as {@link #ranksOfUnranked} takes them, keyed by id. */
    private static String users(String where) {
        return "SELECT id AS key, store_id, display_key, id AS tiebreak, display_rank FROM directory_user WHERE "
                + where;
    }

    /**
     * The store's unranked users and the newcomers (null: none) as {@link #ranksNearNeighbours}
     * takes them, or with the store's ranked users too, as {@link #ranksOfUnranked} takes them.
     */
    static String unranked(String newcomers, boolean withRanked) {
        String store = withRanked ? users("store_id = ?1")
                : "SELECT id AS key, display_key, id AS tiebreak FROM directory_user WHERE display_rank IS NULL AND store_id = ?1";
        return newcomers == null ? store : store + " UNION ALL SELECT -n.key," + (withRanked ? " ?1," : "")
                + " n.display_key, (SELECT coalesce(max(id), 0) FROM directory_user) + n.tiebreak"
                + (withRanked ? ", NULL" : "") + " FROM (" + newcomers + ") n";
    }

    /** Ranks every unranked user of every store: for a schema step, which then indexes them all. */
    static final String RANK_EVERY_STORE = "UPDATE directory_user SET display_rank = r.rank FROM ("
            + ranksOfUnranked(users("1 = 1")) + ") AS r WHERE directory_user.id = r.key";

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
     * again when some have no room between their neighbours. In the caller's transaction.
     */
    void fill(Connection c, long storeId) throws SQLException {
        if (!hasUnranked(c, storeId)) {
            return;
        }
        if (!rank(c, storeId, null, 0)) {
            unrankStore(c, storeId);
            rank(c, storeId, null, 0);
        }
        indexRanked(c);
    }

    /**
     * Ranks the store's unranked users, together with users about to be added (null: none), and
     * keeps their ranks in {@code temp.new_rank (key, rank)}, keyed by id, or for the newcomers by
     * the negated key given; false, and nothing kept, when some have no room between their
     * neighbours. The newcomers come as {@code key, display_key, tiebreak} from SQL whose one
     * parameter, {@code ?1}, is the store: they sort after the store's users of equal display key,
     * among themselves by the tiebreak, which is how they must be added then; there are
     * {@code newcomerCount}. Then add them with their ranks, in the ranks' order, and call
     * {@link #indexRanked}. Few to rank against the store's users ({@link #NEAR_NEIGHBOURS_AT_MOST_ONE_IN}),
     * each one's neighbours are sought; else the store is walked in order.
     */
    boolean rank(Connection c, long storeId, String newcomers, long newcomerCount) throws SQLException {
        long unrankedUsers = number(c, "SELECT count(*) FROM directory_user WHERE display_rank IS NULL AND store_id = ?",
                storeId);
        long storeUsers = number(c, "SELECT coalesce(sum(users), 0) FROM user_count WHERE store_id = ?", storeId);
        String ranks = (unrankedUsers + newcomerCount) * NEAR_NEIGHBOURS_AT_MOST_ONE_IN <= storeUsers
                ? ranksNearNeighbours(unranked(newcomers, false)) : ranksOfUnranked(unranked(newcomers, true));
        try (Statement statement = c.createStatement()) {
            // a failed import's transaction takes the table back with it; work outside one might not
            statement.execute("DROP TABLE IF EXISTS temp.new_rank");
            statement.execute("CREATE TEMP TABLE new_rank (key INTEGER PRIMARY KEY, rank INTEGER NOT NULL, gap INTEGER)");
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO temp.new_rank (key, rank, gap) SELECT key, rank, gap FROM (" + ranks + ")")) {
            insert.setLong(1, storeId);
            insert.executeUpdate();
        }
        if (number(c, "SELECT coalesce(min(gap), 1) >= 1 FROM temp.new_rank") == 1) {
            return true;
        }
        dropNewRanks(c);
        return false;
    }

    /**
     * Gives the store's users the ranks {@link #rank} kept, and adds every user those
     * ranks are for to the search index: in the order of the ranks, as FTS5 writes what it holds as
     * a new segment of the index whenever a key comes out of order, so entries added one by one in
     * another order would cost a segment each.
     */
    void indexRanked(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("UPDATE directory_user SET display_rank = r.rank FROM temp.new_rank r"
                    + " WHERE r.key > 0 AND directory_user.id = r.key");
            statement.execute("INSERT INTO directory_user_search (rowid, search_key) SELECT r.rank, u.search_key"
                    + " FROM temp.new_rank r JOIN directory_user u ON u.display_rank = r.rank ORDER BY r.rank");
        }
        dropNewRanks(c);
    }

    private static void dropNewRanks(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE temp.new_rank");
        }
    }

    /** Takes the store's users out of the search index, in the order of their ranks, and their ranks from them. */
    private static void unrankStore(Connection c, long storeId) throws SQLException {
        update(c, "INSERT INTO directory_user_search (directory_user_search, rowid, search_key)"
                + " SELECT 'delete', display_rank, search_key FROM directory_user"
                + " WHERE store_id = ? AND display_rank IS NOT NULL ORDER BY display_rank", storeId);
        update(c, "UPDATE directory_user SET display_rank = NULL WHERE store_id = ?", storeId);
    }

    private static boolean hasUnranked(Connection c, long storeId) throws SQLException {
        return number(c, "SELECT EXISTS (SELECT 1 FROM directory_user WHERE display_rank IS NULL AND store_id = ?)",
                storeId) == 1;
    }
}
