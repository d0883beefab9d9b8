package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.UserCounts;
import org.enrollnotifier.model.UserQuery;

/** The {@code directory_user} table: bulk insert, counts, and keyset-paged listings. */
public final class DirectoryUserRepository {

    static final String COLUMNS = "u.id, u.store_id, s.name, u.external_id, u.username, u.first_name,"
            + " u.last_name, u.display_name, u.email, u.department, u.enrolled_types, u.enrolled_at";
    static final int COLUMN_COUNT = 12;
    /** Up to this many stores, a read across all of them merges each one's, read in order ({@link UserQuerySql#mergesStores}). */
    static final int MERGED_STORES_AT_MOST = 100;

    /** A user and where it stands in the listing's order. */
    public record KeyedUser(DirectoryUser user, SortKey key) {
    }

    /** The stored columns of a user, in the order {@link #bindStored} binds them. */
    static final String STORED_COLUMNS = "external_id, username, first_name, last_name, display_name, email,"
            + " department, enrolled_types, enrolled_at, display_key, username_key, email_key, search_key";
    static final String STORED_MARKS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private final DisplayRanks ranks = new DisplayRanks();

    /** Inserts users into a store, and ranks them in its display-name order, in the caller's transaction. */
    public void insertAll(Connection c, long storeId, List<DirectoryUser> users) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO directory_user (store_id, "
                + STORED_COLUMNS + ") VALUES (?, " + STORED_MARKS + ")")) {
            for (DirectoryUser user : users) {
                insert.setLong(1, storeId);
                bindStored(insert, 2, FoldedUser.of(user));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        ranks.fill(c, storeId);
    }

    /** Binds {@link #STORED_COLUMNS} from {@code index}: the user's fields and the keys folded from them. */
    static void bindStored(PreparedStatement statement, int index, FoldedUser folded) throws SQLException {
        DirectoryUser user = folded.user();
        statement.setString(index, user.externalId());
        statement.setString(index + 1, user.username());
        statement.setString(index + 2, user.firstName());
        statement.setString(index + 3, user.lastName());
        statement.setString(index + 4, user.displayName());
        statement.setString(index + 5, user.email());
        statement.setString(index + 6, user.department());
        statement.setInt(index + 7, EnrollmentType.toMask(user.enrolledTypes()));
        if (user.enrolledAt() == null) {
            statement.setNull(index + 8, Types.INTEGER);
        } else {
            statement.setLong(index + 8, user.enrolledAt().toEpochMilli());
        }
        statement.setString(index + 9, folded.displayKey());
        statement.setString(index + 10, folded.usernameKey());
        statement.setString(index + 11, folded.emailKey());
        statement.setString(index + 12, folded.searchKey());
    }

    /**
     * How many users a query lists, and how many of those lack an email address. Without a search
     * the answer comes from the per-store tallies the triggers keep, so it costs the same for a
     * million users as for ten; with one, it costs in proportion to the matches, each looked up in
     * the index of ranks, which holds what is counted ({@code email IS NULL} written as there).
     */
    public UserCounts count(Connection c, UserQuery query) throws SQLException {
        UserQuerySql sql = new UserQuerySql(query);
        if (!sql.searches()) {
            return counts(c, "SELECT coalesce(sum(u.users), 0), coalesce(sum(u.users) FILTER (WHERE u.has_email = 0), 0)"
                    + " FROM user_count u WHERE " + sql.where(), statement -> sql.bind(statement, 1));
        }
        return counts(c, "SELECT count(*), coalesce(sum(u.email IS NULL), 0) FROM " + sql.fromMatchesFirst(),
                statement -> sql.bindMatchesFirst(statement, 1));
    }

    /**
     * Whether at most {@code few} users match the query's search, found out at the cost of no more
     * than {@code few + 1} matches. The search index answers for every store at once, so a search
     * the listing matches rarely but other stores often counts as matching many.
     */
    public boolean matchesAtMost(Connection c, UserQuery query, long few) throws SQLException {
        UserQuerySql sql = new UserQuerySql(query);
        String text = "SELECT count(*) FROM (SELECT 1 FROM " + sql.matchesOnly() + " LIMIT ?)";
        try (PreparedStatement select = c.prepareStatement(text)) {
            select.setLong(sql.bindMatchesOnly(select, 1), few + 1);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) <= few;
            }
        }
    }

    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static UserCounts counts(Connection c, String text, Binding binding) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(text)) {
            binding.bind(select);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new UserCounts(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /** Up to {@code limit} users following {@code after} (null: from the start), in the query's order. */
    public List<KeyedUser> page(Connection c, UserQuery query, SortKey after, int limit, SearchPlan plan)
            throws SQLException {
        return read(c, query, after, false, limit, plan);
    }

    /** The last {@code limit} users of the listing, in the query's order: read from the end, in one seek. */
    public List<KeyedUser> lastPage(Connection c, UserQuery query, int limit, SearchPlan plan) throws SQLException {
        List<KeyedUser> backwards = read(c, query, null, true, limit, plan);
        Collections.reverse(backwards);
        return backwards;
    }

    private List<KeyedUser> read(Connection c, UserQuery query, SortKey after, boolean backwards, int limit,
                                 SearchPlan plan) throws SQLException {
        UserQuerySql sql = new UserQuerySql(query);
        SortKey start = start(c, sql, after, backwards);
        List<UserQuerySql> stores = mergedStores(c, sql);
        String text = stores.isEmpty() ? pageSql(sql, plan, start != null, backwards)
                : mergedPageSql(sql, stores, plan, start != null, backwards);
        try (PreparedStatement select = c.prepareStatement(text)) {
            int index = bindStart(sql, stores, select, plan, start, backwards, limit);
            select.setInt(index, limit);
            return readKeyedUsers(select, limit, sql.sortExpressions().size());
        }
    }

    private static String columnsWithKeys(UserQuerySql sql) {
        return COLUMNS + ", " + String.join(", ", sql.sortExpressions());
    }

    /**
     * Each store's listing, when a read merges them; else none, and the listing is read as one:
     * without stores there is no user, and beyond {@link #MERGED_STORES_AT_MOST} the union of the
     * stores' reads grows long (SQLite takes at most 500 in one; a hundred is far more stores than
     * a helpdesk keeps), so the listing is sorted whole instead.
     */
    private static List<UserQuerySql> mergedStores(Connection c, UserQuerySql sql) throws SQLException {
        List<UserQuerySql> stores = new ArrayList<>();
        if (sql.mergesStores()) {
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM identity_store ORDER BY id LIMIT ?")) {
                select.setInt(1, MERGED_STORES_AT_MOST + 1);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        stores.add(sql.inStore(rs.getLong(1)));
                    }
                }
            }
        }
        return stores.size() > MERGED_STORES_AT_MOST ? List.of() : stores;
    }

    /** Like {@link #pageSql}, merged from each store's read of the page ({@link #mergedStores}). */
    static String mergedPageSql(UserQuerySql sql, List<UserQuerySql> stores, SearchPlan plan, boolean afterKey,
                                boolean backwards) {
        return mergedSql(sql, stores, plan, columnsWithKeys(sql), COLUMN_COUNT + 1, afterKey, backwards) + " LIMIT ?";
    }

    /** Like {@link #keyAtSql}, merged from each store's walk ({@link #mergedStores}). */
    static String mergedKeyAtSql(UserQuerySql sql, List<UserQuerySql> stores, SearchPlan plan, boolean afterKey,
                                 boolean backwards) {
        return mergedSql(sql, stores, plan, String.join(", ", sql.sortExpressions()), 1, afterKey, backwards)
                + " LIMIT 1 OFFSET ?";
    }

    /**
     * The text of a read merged from each store's: their union in the listing's order, by the keys
     * from column {@code firstKey} on. SQLite reads each store's part in that order as the merge
     * asks for its next row, where the store's index keeps it. A store whose matches are read in
     * the order of the search index's keys is read up to a limit first and sorted: the listing's
     * keys follow that order, but SQLite cannot tell, and would sort every match of the store.
     */
    private static String mergedSql(UserQuerySql sql, List<UserQuerySql> stores, SearchPlan plan, String columns,
                                    int firstKey, boolean afterKey, boolean backwards) {
        List<String> reads = new ArrayList<>();
        for (UserQuerySql store : stores) {
            reads.add(sql.readsMatchesInRankOrder(plan)
                    ? "SELECT * FROM (" + orderedSql(store, plan, columns, afterKey, backwards) + " LIMIT ?)"
                    : "SELECT " + columns + " FROM " + store.source(plan) + startingAt(store, plan, afterKey, backwards));
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < sql.sortExpressions().size(); i++) {
            keys.add(String.valueOf(firstKey + i));
        }
        return String.join(" UNION ALL ", reads) + " ORDER BY " + sql.orderBy(keys, backwards);
    }

    /**
     * Where a read begins: {@link UserQuerySql#startAfter}, or down from the top of a status order,
     * below the highest status a listed user has, found in the stores' tallies.
     */
    private static SortKey start(Connection c, UserQuerySql sql, SortKey after, boolean backwards)
            throws SQLException {
        if (!sql.readsDownFromTheTop(after, backwards)) {
            return sql.startAfter(after, backwards);
        }
        try (PreparedStatement select = c.prepareStatement("SELECT coalesce(max(u.enrolled_types), -1)"
                + " FROM user_count u WHERE u.users > 0 AND " + sql.where())) {
            sql.bind(select, 1);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return UserQuerySql.belowStatus(rs.getInt(1));
            }
        }
    }

    /** The text of a page's read: the users after a key (when {@code afterKey}), in order, up to a limit. */
    static String pageSql(UserQuerySql sql, SearchPlan plan, boolean afterKey, boolean backwards) {
        return orderedSql(sql, plan, columnsWithKeys(sql), afterKey, backwards) + " LIMIT ?";
    }

    /** The text of a read of {@code columns} the plan's way: after a key (when {@code afterKey}), in order. */
    private static String orderedSql(UserQuerySql sql, SearchPlan plan, String columns, boolean afterKey,
                                     boolean backwards) {
        return "SELECT " + columns + " FROM " + sql.source(plan) + startingAt(sql, plan, afterKey, backwards)
                + " ORDER BY " + sql.orderBy(plan, backwards);
    }

    /**
     * Like {@link #page} with {@link SearchPlan#CHECK_ROWS}, but checks no more than the next
     * {@code window} users of the order: fewer than {@code limit} users come back when the window
     * held fewer matches, however many follow it. Bounds the cost of trying the cheapest plan.
     */
    public List<KeyedUser> pageWithin(Connection c, UserQuery query, SortKey after, int limit, int window)
            throws SQLException {
        UserQuerySql sql = new UserQuerySql(query);
        SortKey start = sql.startAfter(after, false);
        List<String> keyAliases = new ArrayList<>();
        StringBuilder keyColumns = new StringBuilder();
        for (String expression : sql.sortExpressions()) {
            String alias = "k" + keyAliases.size();
            keyAliases.add(alias);
            keyColumns.append(expression).append(" AS ").append(alias).append(", ");
        }
        String columns = COLUMNS + ", " + keyColumns + "u.search_key AS search_key";
        List<UserQuerySql> stores = mergedStores(c, sql);
        String next = stores.isEmpty() ? nextUsersSql(sql, columns, start != null)
                : stores.stream().map(store -> unorderedNextUsersSql(store, columns, start != null))
                        .collect(Collectors.joining(" UNION ALL ")) + " ORDER BY " + sql.orderBy(keyAliases, false)
                        + " LIMIT ?";
        String text = "SELECT * FROM (" + next + ") WHERE " + sql.termsOn("search_key")
                + " ORDER BY " + sql.orderBy(keyAliases, false) + " LIMIT ?";
        try (PreparedStatement select = c.prepareStatement(text)) {
            int index = 1;
            for (UserQuerySql read : stores.isEmpty() ? List.of(sql) : stores) {
                index = bindAfter(read, select, read.bindFilter(select, index), start);
            }
            select.setInt(index, window);
            index = sql.bindTerms(select, index + 1);
            select.setInt(index, limit);
            return readKeyedUsers(select, limit, keyAliases.size());
        }
    }

    private static List<KeyedUser> readKeyedUsers(PreparedStatement select, int limit, int keySize)
            throws SQLException {
        List<KeyedUser> users = new ArrayList<>(limit);
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                users.add(new KeyedUser(readUser(rs), readKey(rs, COLUMN_COUNT + 1, keySize)));
            }
        }
        return users;
    }

    /**
     * The key of the row {@code skip} rows past {@code from} (null: the first row), walking forwards
     * or, for rows near the end, backwards from the last row. Reads keys only, off the sort index
     * unless the plan sorts the search's matches.
     */
    public Optional<SortKey> keyAt(Connection c, UserQuery query, SortKey from, long skip, boolean backwards,
                                   SearchPlan plan) throws SQLException {
        UserQuerySql sql = new UserQuerySql(query);
        SortKey start = start(c, sql, from, backwards);
        List<UserQuerySql> stores = mergedStores(c, sql);
        String text = stores.isEmpty() ? keyAtSql(sql, plan, start != null, backwards)
                : mergedKeyAtSql(sql, stores, plan, start != null, backwards);
        try (PreparedStatement select = c.prepareStatement(text)) {
            int index = bindStart(sql, stores, select, plan, start, backwards, skip + 1);
            select.setLong(index, skip);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(readKey(rs, 1, sql.sortExpressions().size())) : Optional.empty();
            }
        }
    }

    /**
     * The next {@code limit} users after {@code after} (null: from the start), in the query's
     * order, unsearched: how many enrolled with each set of types, by {@link EnrollmentType#toMask
     * mask}, and the key of the last of them. One walk of the order, where the tallies and the last
     * key asked for apart took two: the anchors of a million users' listings were built in
     * 1.08–1.22 s against 1.42–1.58 s (four rebuilds each, the kept million-user folder).
     */
    public Stretch stretchAfter(Connection c, UserQuery query, SortKey after, int limit) throws SQLException {
        UserQuerySql sql = new UserQuerySql(query);
        int keySize = sql.sortExpressions().size();
        String text = nextUsersSql(sql, "u.enrolled_types, " + String.join(", ", sql.sortExpressions()), after != null);
        Map<Integer, Long> users = new HashMap<>();
        SortKey last = null;
        try (PreparedStatement select = c.prepareStatement(text)) {
            select.setInt(bindAfter(sql, select, sql.bindFilter(select, 1), after), limit);
            try (ResultSet rs = select.executeQuery()) {
                int read = 0;
                while (rs.next()) {
                    users.merge(rs.getInt(1), 1L, Long::sum);
                    if (++read == limit) {
                        last = readKey(rs, 2, keySize);
                    }
                }
            }
        }
        return new Stretch(users, last);
    }

    /**
     * Users next in an order: how many enrolled with each set of types, and the key of the last
     * one, when there were as many as asked for (null: fewer).
     */
    public record Stretch(Map<Integer, Long> enrolledTypes, SortKey last) {
    }

    /**
     * The text of {@code columns} of the next users in the order, unsearched, after a key (when
     * {@code afterKey}), up to a limit; binds the filter, the key, then the limit.
     */
    private static String nextUsersSql(UserQuerySql sql, String columns, boolean afterKey) {
        return unorderedNextUsersSql(sql, columns, afterKey) + " ORDER BY " + sql.orderBy(false) + " LIMIT ?";
    }

    /** Like {@link #nextUsersSql}, without the order and the limit: a part of a merged read. */
    private static String unorderedNextUsersSql(UserQuerySql sql, String columns, boolean afterKey) {
        return "SELECT " + columns + " FROM " + sql.unsearchedSource() + (afterKey ? " AND " + sql.after(false) : "");
    }

    /** How many users of the listing lie after {@code after} (null: from its start) up to {@code upTo} and it, in its order. */
    public long countAfterUpTo(Connection c, UserQuery query, SortKey after, SortKey upTo) throws SQLException {
        UserQuerySql sql = new UserQuerySql(query);
        String text = "SELECT count(*) FROM " + sql.keySource(SearchPlan.CHECK_ROWS)
                + (after == null ? "" : " AND " + sql.after(false)) + " AND " + sql.upTo();
        try (PreparedStatement select = c.prepareStatement(text)) {
            int index = bindAfter(sql, select, sql.bindSource(select, 1, SearchPlan.CHECK_ROWS), after);
            sql.bindUpTo(select, index, upTo);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The text of a walk to a row's key: the key of the row some rows after a key (when {@code afterKey}). */
    static String keyAtSql(UserQuerySql sql, SearchPlan plan, boolean afterKey, boolean backwards) {
        return "SELECT " + String.join(", ", sql.sortExpressions()) + " FROM " + sql.keySource(plan)
                + startingAt(sql, plan, afterKey, backwards) + " ORDER BY " + sql.orderBy(plan, backwards)
                + " LIMIT 1 OFFSET ?";
    }

    /** Where a read the plan's way begins: past a key (when {@code afterKey}), and in the search index's keys. */
    private static String startingAt(UserQuerySql sql, SearchPlan plan, boolean afterKey, boolean backwards) {
        return sql.rankRange(plan, afterKey, backwards) + (afterKey ? " AND " + sql.after(backwards) : "");
    }

    /**
     * Binds a read's source and {@link #startingAt} from the first parameter, or those of each
     * merged store's read and its limit, when it has one; returns the next free index.
     */
    private static int bindStart(UserQuerySql sql, List<UserQuerySql> stores, PreparedStatement select,
                                 SearchPlan plan, SortKey start, boolean backwards, long storeLimit)
            throws SQLException {
        if (stores.isEmpty()) {
            return bindStart(sql, select, 1, plan, start, backwards);
        }
        int index = 1;
        for (UserQuerySql store : stores) {
            index = bindStart(store, select, index, plan, start, backwards);
            if (sql.readsMatchesInRankOrder(plan)) {
                select.setLong(index++, storeLimit);
            }
        }
        return index;
    }

    private static int bindStart(UserQuerySql sql, PreparedStatement select, int index, SearchPlan plan,
                                 SortKey start, boolean backwards) throws SQLException {
        return bindAfter(sql, select, sql.bindRankRange(select, sql.bindSource(select, index, plan), plan, start,
                backwards), start);
    }

    /** Binds the key a read starts after, if it has one. */
    private static int bindAfter(UserQuerySql sql, PreparedStatement statement, int index, SortKey key)
            throws SQLException {
        return key == null ? index : sql.bindAfter(statement, index, key);
    }

    private static SortKey readKey(ResultSet rs, int first, int count) throws SQLException {
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(rs.getObject(first + i));
        }
        return new SortKey(values);
    }

    static DirectoryUser readUser(ResultSet rs) throws SQLException {
        long enrolledAt = rs.getLong(12);
        Instant enrolledAtInstant = rs.wasNull() ? null : Instant.ofEpochMilli(enrolledAt);
        return new DirectoryUser(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                EnrollmentType.fromMask(rs.getInt(11)), enrolledAtInstant);
    }
}
