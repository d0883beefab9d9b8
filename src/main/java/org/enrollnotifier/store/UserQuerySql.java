package org.enrollnotifier.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;

/**
 * Translates a {@link UserQuery} into a WHERE clause, its parameters, and its keyset order.
 *
 * <p>A search term matches a user when it occurs in the user's folded {@code search_key}. Terms of
 * three characters or more are also looked up in the trigram index, which finds exactly the same
 * users; which way is cheaper is the {@link SearchPlan}'s business.
 */
final class UserQuerySql {

    /** FTS5's trigram tokenizer needs three characters; shorter terms are only checked row by row. */
    private static final int TRIGRAM = 3;

    /**
     * The search index's matches first, each joined to its user by its {@link DisplayRanks rank};
     * needs {@link #MATCHING} in the WHERE. SQLite, without statistics, took a store's sort index
     * that holds the columns read for a cheaper way to find a match's user than the index of ranks,
     * and walked the whole store for each match: a jump to the middle of a search of a million
     * users read a key 37 ms per match skipped (31,000 of them). Named, the index of ranks is used.
     */
    private static final String MATCHES_THEN_USERS = "directory_user_search CROSS JOIN directory_user u"
            + " INDEXED BY directory_user_by_rank ON u.display_rank = directory_user_search.rowid";
    /** The rank of the store's last user at or before a key (or its first at or after it), else the bound given. */
    private static final String RANK_OF_NEAREST = "coalesce((SELECT r.display_rank FROM directory_user r"
            + " WHERE r.store_id = ? AND (r.display_key, r.id) %s (?, ?) ORDER BY r.display_key %s, r.id %s LIMIT 1), ?)";
    private static final String MATCHING = " WHERE directory_user_search MATCH ? AND ";
    private static final String WITH_STORE = " JOIN identity_store s ON s.id = u.store_id";
    private static final String STORE_NAME = "s.name";

    private final StringBuilder filter = new StringBuilder("1 = 1");
    private final List<Object> filterParameters = new ArrayList<>();
    /** The folded search terms, each a condition on {@code search_key}. */
    private final List<String> terms = new ArrayList<>();
    /** The terms too short for the search index, so checked on the row even where the index is read. */
    private final List<String> shortTerms = new ArrayList<>();
    /** The FTS5 query for the search's longer terms; null when there are none. */
    private String match;
    private final List<String> sortExpressions;
    private final boolean ascending;
    /** Sorted by status, the status every user listed has more than; -1 when none or another order. */
    private final int statusBelowAll;
    private final boolean sortsByStatus;
    /** Listed in the display-name order, which the search index's keys follow within each store. */
    private final boolean inDisplayOrder;
    /** The one store listed; null: all. */
    private final Long storeId;
    private final UserQuery query;

    UserQuerySql(UserQuery query) {
        this.query = query;
        UserSort.Field order = orderedBy(query.sort().field(), query.storeId(), query.filter());
        addStore(query.storeId());
        addFilter(query.filter(), order);
        statusBelowAll = statusBelowAll(query.filter(), order);
        sortsByStatus = order == UserSort.Field.ENROLLMENT_STATUS;
        inDisplayOrder = readsMatchesInOrder(query);
        storeId = query.storeId();
        addSearch(query.search());
        sortExpressions = sortExpressions(order);
        ascending = query.sort().ascending();
    }

    private void addStore(Long storeId) {
        if (storeId != null) {
            filter.append(" AND u.store_id = ?");
            filterParameters.add(storeId);
        }
    }

    /**
     * The enrollment filter, written so that SQLite, which keeps no statistics here, walks the
     * order's index: sorted by username or email, the equality on the status led it to the status
     * index and a sort of every match (the not enrolled of a million users across stores: the first
     * page in 478 ms, one in the middle in 2 s). The unary plus keeps the column from choosing the
     * index; the order's index holds it anyway.
     */
    private void addFilter(EnrollmentFilter enrollment, UserSort.Field order) {
        String status = order == UserSort.Field.USERNAME || order == UserSort.Field.EMAIL
                ? "+u.enrolled_types" : "u.enrolled_types";
        switch (enrollment.mode()) {
            case ALL -> { }
            case NOT_ENROLLED -> filter.append(" AND ").append(status).append(" = 0");
            case ENROLLED -> filter.append(" AND u.enrolled_types <> 0");
            case NOT_ENROLLED_WITH -> {
                filter.append(" AND (u.enrolled_types & ?) = 0");
                filterParameters.add(enrollment.type().bit());
            }
            case ENROLLED_WITH -> {
                filter.append(" AND (u.enrolled_types & ?) <> 0");
                filterParameters.add(enrollment.type().bit());
            }
        }
    }

    private static int statusBelowAll(EnrollmentFilter enrollment, UserSort.Field order) {
        if (order != UserSort.Field.ENROLLMENT_STATUS) {
            return -1;
        }
        return switch (enrollment.mode()) {
            case ENROLLED -> 0;
            case ENROLLED_WITH -> enrollment.type().bit() - 1;
            case ALL, NOT_ENROLLED, NOT_ENROLLED_WITH -> -1;
        };
    }

    /**
     * Where a read begins: after {@code after}; without one, the enrolled (with any or one type)
     * sorted by status start past every user whose types' bits are fewer, so a read towards higher
     * keys seeks there instead of walking the not enrolled first (the first page of those enrolled
     * with one type on a million users: 13–26 ms walking). The key is below every listed user's:
     * a status none has, then a BLOB, which SQLite sorts after every display key, and the id.
     * Naming the listed statuses in the filter ({@code IN}) served first pages both ways, but SQLite
     * then read every status up to a jump's key: middle pages 30–66 ms instead of 0.6–2.5 ms.
     */
    SortKey startAfter(SortKey after, boolean backwards) {
        if (after != null || statusBelowAll < 0 || ascending == backwards) {
            return after;
        }
        return new SortKey(List.of((long) statusBelowAll, new byte[0], 0L));
    }

    /**
     * Whether a read from {@code after} runs down from the top of a status order, without a
     * search: it then begins below the highest status a listed user has ({@link #belowStatus}),
     * which the stores' tallies tell, rather than walk the users of every status above it. The
     * first page of those enrolled with one type, sorted by status downwards, walked them all: 9–25
     * ms on a million users, each with one type (a store's last page upwards alike).
     */
    boolean readsDownFromTheTop(SortKey after, boolean backwards) {
        return after == null && sortsByStatus && !searches() && ascending == backwards;
    }

    /**
     * The key a read down a status order begins below when no listed user's status is above
     * {@code highest} (-1: none is listed): the next status, then 0, which SQLite sorts before
     * every display key, and an id.
     */
    static SortKey belowStatus(int highest) {
        return new SortKey(List.of((long) highest + 1, 0L, 0L));
    }

    private void addSearch(String search) {
        List<String> phrases = new ArrayList<>();
        for (String term : search.split("\\s+")) {
            String folded = TextFolding.fold(term);
            if (folded.isEmpty()) {
                continue;
            }
            terms.add(folded);
            if (folded.codePointCount(0, folded.length()) >= TRIGRAM) {
                phrases.add('"' + folded.replace("\"", "\"\"") + '"');
            } else {
                shortTerms.add(folded);
            }
        }
        if (!phrases.isEmpty()) {
            match = String.join(" AND ", phrases);
        }
    }

    /**
     * The order a listing is really sorted in. Within one store every user has the same store name,
     * and among the not enrolled the same status, so those sorts are the display-name order, which
     * an index keeps: a page after a key is then found by a seek instead of a walk from the start.
     */
    static UserSort.Field orderedBy(UserSort.Field field, Long storeId, EnrollmentFilter filter) {
        boolean constant = switch (field) {
            case IDENTITY_STORE -> storeId != null;
            case ENROLLMENT_STATUS -> filter.mode() == EnrollmentFilter.Mode.NOT_ENROLLED;
            default -> false;
        };
        return constant ? UserSort.Field.DISPLAY_NAME : field;
    }

    /**
     * Whether the listing is in the display-name order, which the search index's keys follow in
     * each store: one store's matches are read in order, all stores' merged from each one's. (Its
     * sort index holds the search key too, for the terms too short for the search index: schema
     * steps 9 and 11.)
     */
    static boolean readsMatchesInOrder(UserQuery query) {
        return orderedBy(query.sort().field(), query.storeId(), query.filter()) == UserSort.Field.DISPLAY_NAME;
    }

    /** The same listing, of one store. */
    UserQuerySql inStore(long store) {
        return new UserQuerySql(query.withStore(store));
    }

    /** Whether the plan reads one store's matches in order here; elsewhere it reads them sorted, or merges stores. */
    private boolean readsInOrder(SearchPlan plan) {
        return readsMatchesInRankOrder(plan) && storeId != null;
    }

    /**
     * Whether the plan reads the search index's matches in the order of its keys, the ranks: of
     * one store here, or of each store, merged (see {@link #mergesStores}).
     */
    boolean readsMatchesInRankOrder(SearchPlan plan) {
        return match != null && plan == SearchPlan.MATCHES_IN_ORDER && inDisplayOrder;
    }

    /**
     * Whether a read across all stores is merged from each store's: a read of {@link #inStore} for
     * each store in the store's own index, the first rows of their union kept. Sorted by store,
     * the stores follow one another instead ({@link #users}). The users' table keeps sort indexes
     * of each store only: all stores' four took an import of a million users 1.7–1.8 s to build.
     * A merged read costs in proportion to the stores: with the bench's four, its middle page of
     * all stores took 2.5–3.6 ms against 1.8–2.3 from one index; with 100 stores, 17–23 ms against 4–12.
     */
    boolean mergesStores() {
        return storeId == null && !sortsByStore();
    }

    /**
     * Reading the matches in order, the part of the search index a read walks: the store's ranks,
     * from the rank of the key it starts after (when {@code afterKey}) onwards, or backwards down
     * from it. One bound each way, so that FTS5 seeks to it. Else empty. Binds with {@link #bindRankRange}.
     */
    String rankRange(SearchPlan plan, boolean afterKey, boolean backwards) {
        if (!readsInOrder(plan)) {
            return "";
        }
        boolean greater = ascending != backwards;
        String lower = greater && afterKey ? RANK_OF_NEAREST.formatted("<=", "DESC", "DESC") : "?";
        String upper = !greater && afterKey ? RANK_OF_NEAREST.formatted(">=", "ASC", "ASC") : "?";
        return " AND directory_user_search.rowid > " + lower + " AND directory_user_search.rowid < " + upper;
    }

    /** Binds the parameters of {@link #rankRange} from {@code index}; returns the next free index. */
    int bindRankRange(PreparedStatement statement, int index, SearchPlan plan, SortKey after, boolean backwards)
            throws SQLException {
        if (!readsInOrder(plan)) {
            return index;
        }
        boolean greater = ascending != backwards;
        long lowest = storeId * DisplayRanks.SPAN;
        List<Object> values = new ArrayList<>();
        if (greater && after != null) {
            values.add(storeId);
            values.addAll(after.values());
        }
        values.add(lowest);
        if (!greater && after != null) {
            values.add(storeId);
            values.addAll(after.values());
        }
        values.add(lowest + DisplayRanks.SPAN);
        return bindEach(statement, index, values);
    }

    private static List<String> sortExpressions(UserSort.Field field) {
        return switch (field) {
            case DISPLAY_NAME -> List.of("u.display_key", "u.id");
            case USERNAME -> List.of("u.username_key", "u.id");
            case EMAIL -> List.of("u.email_key", "u.id");
            case IDENTITY_STORE -> List.of(STORE_NAME, "u.display_key", "u.id");
            case ENROLLMENT_STATUS -> List.of("u.enrolled_types", "u.display_key", "u.id");
        };
    }

    boolean searches() {
        return !terms.isEmpty();
    }

    /** The store and enrollment filter and every search term, checked on the row. Binds with {@link #bind}. */
    String where() {
        return filter + " AND " + termsOn("u.search_key", terms);
    }

    /**
     * The filter and the short terms: the rest of {@link #where()} when the search index has found
     * the longer terms' matches already. Binds after the match with {@link #bindMatchesFirst}.
     */
    private String whereBesidesMatch() {
        return filter + " AND " + termsOn("u.search_key", shortTerms);
    }

    /** The search terms, each checked on {@code searchKey}; binds with {@link #bindTerms}. */
    String termsOn(String searchKey) {
        return termsOn(searchKey, terms);
    }

    private static String termsOn(String searchKey, List<String> checked) {
        return checked.isEmpty() ? "1 = 1"
                : String.join(" AND ", Collections.nCopies(checked.size(), "instr(" + searchKey + ", ?) > 0"));
    }

    /**
     * The users' table, and the search index first when there is a search: counting from the
     * index's matches beats probing them for every user of the store. Binds with {@link #bindMatchesFirst}.
     */
    String fromMatchesFirst() {
        return match == null ? "directory_user u WHERE " + where() : MATCHES_THEN_USERS + MATCHING + whereBesidesMatch();
    }

    /**
     * Like {@link #fromMatchesFirst()}, but without a search the users' table is read front to back
     * instead of through an index: reading most of a store, that is several times faster than
     * visiting its rows in an index's order. Binds as {@link #bindMatchesFirst}.
     */
    String fromScan() {
        return match == null ? "directory_user AS u NOT INDEXED WHERE " + where() : fromMatchesFirst();
    }

    /**
     * The search index's matches alone, whichever store and filter, when there are longer terms;
     * else the listing itself. Binds with {@link #bindMatchesOnly}.
     */
    String matchesOnly() {
        return match == null ? fromMatchesFirst() : "directory_user_search" + MATCHING + "1 = 1";
    }

    int bindMatchesOnly(PreparedStatement statement, int index) throws SQLException {
        if (match == null) {
            return bindMatchesFirst(statement, index);
        }
        statement.setString(index, match);
        return index + 1;
    }

    /** The users with their store, filtered and searched the plan's way. Binds with {@link #bindSource}. */
    String source(SearchPlan plan) {
        return source(plan, true);
    }

    /**
     * Like {@link #source}, for reading the sort keys alone: the store is joined only when its name
     * is a key. Every user has a store (a foreign key), so leaving it out changes no row, but
     * spares a lookup for each key walked: when all stores were walked in a sort index without a
     * store column, the join looked up each user's row to find it (the bench's middle page of
     * 1,000,000 users in all stores: 446 ms with the join, 4.3 ms without).
     */
    String keySource(SearchPlan plan) {
        return source(plan, sortsByStore());
    }

    /**
     * The users the plan's way. Keeping the index's matches, the unary plus on the rank keeps SQLite
     * from looking each match up and sorting them all, which it did across all stores, where no
     * store narrows the order's index: "Nguy" by username, 72 ms a page against 17 walking the order.
     * The order's index holds the rank (schema step 12), so the walk reads no user's row. Of one
     * store, only its matches are kept, found by the range of its ranks: a read of all stores
     * merged from each store's kept every store's matches in each (four stores, "Nguy" by
     * username: the first page in 31–45 ms against 12–14 read as one).
     */
    private String source(SearchPlan plan, boolean withStore) {
        if (match == null || plan == SearchPlan.CHECK_ROWS) {
            return users(withStore) + " WHERE " + where();
        }
        return plan == SearchPlan.CHECK_INDEX
                ? users(withStore) + " WHERE " + whereBesidesMatch()
                        + " AND +u.display_rank IN (SELECT rowid FROM directory_user_search WHERE directory_user_search MATCH ?"
                        + (storeId == null ? "" : " AND rowid >= ? AND rowid < ?") + ")"
                : MATCHES_THEN_USERS + (withStore ? WITH_STORE : "") + MATCHING + whereBesidesMatch();
    }

    /**
     * The users, with their store when asked. Listed by store name, the stores come first, each in
     * the order of its name, then its users in a store's own index: the join yields the listing in
     * order, where the users first would have to be sorted whole (1,000,000 users in all stores by
     * store: the first page in 3 ms this way, 251 ms the other; the middle page 15–62 ms and 2,375 ms).
     */
    private String users(boolean withStore) {
        if (!withStore) {
            return "directory_user u";
        }
        return sortsByStore() ? "identity_store s CROSS JOIN directory_user u ON u.store_id = s.id"
                : "directory_user u" + WITH_STORE;
    }

    private boolean sortsByStore() {
        return sortExpressions.contains(STORE_NAME);
    }

    int bindSource(PreparedStatement statement, int index, SearchPlan plan) throws SQLException {
        if (match == null || plan == SearchPlan.CHECK_ROWS) {
            return bind(statement, index);
        }
        if (plan != SearchPlan.CHECK_INDEX) {
            return bindMatchesFirst(statement, index);
        }
        int next = bindTerms(statement, bindFilter(statement, index), shortTerms);
        statement.setString(next++, match);
        if (storeId != null) {
            statement.setLong(next++, storeId * DisplayRanks.SPAN);
            statement.setLong(next++, (storeId + 1) * DisplayRanks.SPAN);
        }
        return next;
    }

    /** The users with their store, filtered but not searched; binds with {@link #bindFilter}. */
    String unsearchedSource() {
        return users(true) + " WHERE " + filter;
    }

    /** Binds the parameters of {@link #fromMatchesFirst()} from {@code index}; returns the next free index. */
    int bindMatchesFirst(PreparedStatement statement, int index) throws SQLException {
        if (match != null) {
            statement.setString(index++, match);
        }
        return bindTerms(statement, bindFilter(statement, index), shortTerms);
    }

    /** Binds the parameters of {@link #where()} from {@code index}; returns the next free index. */
    int bind(PreparedStatement statement, int index) throws SQLException {
        return bindTerms(statement, bindFilter(statement, index));
    }

    int bindTerms(PreparedStatement statement, int index) throws SQLException {
        return bindTerms(statement, index, terms);
    }

    int bindFilter(PreparedStatement statement, int index) throws SQLException {
        return bindEach(statement, index, filterParameters);
    }

    private static int bindTerms(PreparedStatement statement, int index, List<String> checked) throws SQLException {
        return bindEach(statement, index, checked);
    }

    /** Binds {@code values} one after another from {@code index}; returns the next free index. */
    private static int bindEach(PreparedStatement statement, int index, List<?> values) throws SQLException {
        for (Object value : values) {
            statement.setObject(index++, value);
        }
        return index;
    }

    List<String> sortExpressions() {
        return sortExpressions;
    }

    /**
     * {@code (k1, k2, id) > (?, ?, ?)}, flipped for a descending order or a backwards walk; binds
     * with {@link #bindAfter}. Sorted by store, the store's name is bound on its own and the user's
     * key only within that store: SQLite cannot seek to a key that spans the stores and their users,
     * and walked each page from the store's first user (the page after the middle of a million:
     * 46–77 ms; with the user's key sought within the store, 1.2–2.0 ms).
     */
    String after(boolean backwards) {
        boolean greater = ascending != backwards;
        String comparison = greater ? ">" : "<";
        if (sortsByStore()) {
            // below or above every user's key: a store after the key's is walked from its start
            String[] open = greater ? new String[] {"''", "-1"} : new String[] {"x''", "0"};
            return STORE_NAME + " " + comparison + "= ? AND (u.display_key, u.id) " + comparison
                    + " (CASE WHEN " + STORE_NAME + " = ? THEN ? ELSE " + open[0] + " END, CASE WHEN "
                    + STORE_NAME + " = ? THEN ? ELSE " + open[1] + " END)";
        }
        return keyComparedTo(comparison);
    }

    /**
     * {@code (k1, k2, id) <= (?, ?, ?)}, flipped for a descending order: the rows up to a key and
     * the key's; binds with {@link #bindUpTo}. Not for the order by store, whose key {@link #after} binds apart.
     */
    String upTo() {
        if (sortsByStore()) {
            throw new IllegalStateException("the order by store binds its keys apart");
        }
        return keyComparedTo(ascending ? "<=" : ">=");
    }

    private String keyComparedTo(String comparison) {
        String marks = String.join(", ", Collections.nCopies(sortExpressions.size(), "?"));
        return "(" + String.join(", ", sortExpressions) + ") " + comparison + " (" + marks + ")";
    }

    /** Binds the parameters of {@link #upTo} from {@code index}; returns the next free index. */
    int bindUpTo(PreparedStatement statement, int index, SortKey key) throws SQLException {
        return bindEach(statement, index, key.values());
    }

    /** Binds the parameters of {@link #after} from {@code index}; returns the next free index. */
    int bindAfter(PreparedStatement statement, int index, SortKey key) throws SQLException {
        List<Object> values = key.values();
        return bindEach(statement, index, sortsByStore()
                ? List.of(values.get(0), values.get(0), values.get(1), values.get(0), values.get(2))
                : values);
    }

    String orderBy(boolean backwards) {
        return orderBy(sortExpressions, backwards);
    }

    /** The order of a read the plan's way: of the search index's keys when it reads the matches in order. */
    String orderBy(SearchPlan plan, boolean backwards) {
        return readsInOrder(plan) ? orderBy(List.of("directory_user_search.rowid"), backwards) : orderBy(backwards);
    }

    String orderBy(List<String> columns, boolean backwards) {
        String direction = ascending != backwards ? " ASC" : " DESC";
        return String.join(direction + ", ", columns) + direction;
    }
}
