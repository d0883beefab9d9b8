package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.UserCounts;
import org.enrollnotifier.model.UserQuery;

/** The {@code directory_user} table: bulk insert, counts, and keyset-paged listings. */
public final class DirectoryUserRepository {

    static final String COLUMNS = "u.id, u.store_id, s.name, u.external_id, u.username, u.first_name,"
            + " u.last_name, u.display_name, u.email, u.department, u.enrolled_types, u.enrolled_at";
    static final int COLUMN_COUNT = 12;

    /** A user and where it stands in the listing's order. */
    public record KeyedUser(DirectoryUser user, SortKey key) {
    }

    /** Inserts users into a store, in the caller's transaction. */
    public void insertAll(Connection c, long storeId, List<DirectoryUser> users) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO directory_user (store_id, external_id, username, first_name, last_name, display_name,
                    email, department, enrolled_types, enrolled_at, display_key, username_key, email_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            for (DirectoryUser user : users) {
                insert.setLong(1, storeId);
                insert.setString(2, user.externalId());
                insert.setString(3, user.username());
                insert.setString(4, user.firstName());
                insert.setString(5, user.lastName());
                insert.setString(6, user.displayName());
                insert.setString(7, user.email());
                insert.setString(8, user.department());
                insert.setInt(9, EnrollmentType.toMask(user.enrolledTypes()));
                if (user.enrolledAt() == null) {
                    insert.setNull(10, Types.INTEGER);
                } else {
                    insert.setLong(10, user.enrolledAt().toEpochMilli());
                }
                insert.setString(11, TextFolding.fold(user.displayName()));
                insert.setString(12, TextFolding.fold(user.username()));
                insert.setString(13, TextFolding.fold(user.email()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * How many users a query lists, and how many of those lack an email address. Without a search
     * the answer comes from the per-store tallies the triggers keep, so it costs the same for a
     * million users as for ten.
     */
    public UserCounts count(Connection c, UserQuery query) throws SQLException {
        UserQuerySql sql = new UserQuerySql(query);
        String text = query.search().isEmpty()
                ? "SELECT coalesce(sum(u.users), 0), coalesce(sum(u.users) FILTER (WHERE u.has_email = 0), 0)"
                        + " FROM user_count u WHERE " + sql.where()
                : "SELECT count(*), count(*) - count(u.email) FROM " + sql.fromMatchesFirst();
        try (PreparedStatement select = c.prepareStatement(text)) {
            if (query.search().isEmpty()) {
                sql.bind(select, 1);
            } else {
                sql.bindMatchesFirst(select, 1);
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new UserCounts(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /**
     * Up to {@code limit} users following {@code after} (null: from the start), in the query's order.
     * {@code fewMatches}: the query's search is known to match few users, so its matches are read
     * and sorted rather than the whole order walked (see {@link UserQuerySql#source}).
     */
    public List<KeyedUser> page(Connection c, UserQuery query, SortKey after, int limit, boolean fewMatches)
            throws SQLException {
        UserQuerySql sql = new UserQuerySql(query);
        String keyColumns = String.join(", ", sql.sortExpressions());
        String text = "SELECT " + COLUMNS + ", " + keyColumns + " FROM " + sql.source(fewMatches)
                + (after == null ? "" : " AND " + sql.after(false))
                + " ORDER BY " + sql.orderBy(false) + " LIMIT ?";
        try (PreparedStatement select = c.prepareStatement(text)) {
            int index = bindKey(select, sql.bindSource(select, 1, fewMatches), after);
            select.setInt(index, limit);
            List<KeyedUser> users = new ArrayList<>(limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    users.add(new KeyedUser(readUser(rs), readKey(rs, COLUMN_COUNT + 1, sql.sortExpressions().size())));
                }
            }
            return users;
        }
    }

    /**
     * The key of the row {@code skip} rows past {@code from} (null: the first row), walking forwards
     * or, for rows near the end, backwards from the last row. Reads keys only, off the sort index
     * unless {@code fewMatches} (as for {@link #page}).
     */
    public Optional<SortKey> keyAt(Connection c, UserQuery query, SortKey from, long skip, boolean backwards,
                                   boolean fewMatches) throws SQLException {
        UserQuerySql sql = new UserQuerySql(query);
        String keyColumns = String.join(", ", sql.sortExpressions());
        String text = "SELECT " + keyColumns + " FROM " + sql.source(fewMatches)
                + (from == null ? "" : " AND " + sql.after(backwards))
                + " ORDER BY " + sql.orderBy(backwards) + " LIMIT 1 OFFSET ?";
        try (PreparedStatement select = c.prepareStatement(text)) {
            int index = bindKey(select, sql.bindSource(select, 1, fewMatches), from);
            select.setLong(index, skip);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(readKey(rs, 1, sql.sortExpressions().size())) : Optional.empty();
            }
        }
    }

    private static int bindKey(PreparedStatement statement, int index, SortKey key) throws SQLException {
        if (key != null) {
            for (Object value : key.values()) {
                statement.setObject(index++, value);
            }
        }
        return index;
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
