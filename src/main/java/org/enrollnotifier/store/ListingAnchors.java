package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;

/**
 * Every {@code spacing}-th user of each store's listing of all, not enrolled and enrolled users,
 * in each sort order (the {@code listing_anchor} table). A jump to page 10,000 of a million users
 * starts from the nearest anchor and skips fewer than {@code spacing} rows, instead of counting
 * half a million through an index. Rebuilt for a store in the transaction that changes its users;
 * anchors built when a listing had another number of users than it has now are not used.
 */
public final class ListingAnchors {

    /** Rows between anchors: a skip this long costs well under a millisecond. */
    public static final int SPACING = 1024;
    /** The listings that get anchors: the store's users, and the two halves an operator works through. */
    private static final List<EnrollmentFilter> ANCHORED =
            List.of(EnrollmentFilter.ALL_USERS, EnrollmentFilter.NOT_ENROLLED, EnrollmentFilter.ENROLLED);
    private static final int MAX_KEY_COLUMNS = 3;

    private final int spacing;
    private final DirectoryUserRepository users = new DirectoryUserRepository();

    /** A user's position in a store's listing, in ascending order from 0, and its sort key. */
    public record Anchor(long row, SortKey key) {
    }

    public ListingAnchors() {
        this(SPACING);
    }

    /** With other spacing than the one tuned for a large store, so a small one gets many anchors. */
    public ListingAnchors(int spacing) {
        if (spacing < 1) {
            throw new IllegalArgumentException("spacing must be positive: " + spacing);
        }
        this.spacing = spacing;
    }

    /**
     * Walks each anchored listing of the store once per sort order, keeping every
     * {@code spacing}-th key, each step an {@code OFFSET} from the anchor before: 1.3–1.7 s for
     * all of them on a million users.
     */
    public void rebuild(Connection c, long storeId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM listing_anchor WHERE store_id = ?")) {
            delete.setLong(1, storeId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO listing_anchor"
                + " (store_id, filter, sort, row, k1, k2, k3, users) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (EnrollmentFilter filter : ANCHORED) {
                UserQuery listing = UserQuery.EVERYONE.withStore(storeId).withFilter(filter);
                long count = users.count(c, listing).listed();
                for (UserSort.Field field : UserSort.Field.values()) {
                    if (UserQuerySql.orderedBy(field, storeId, filter) == field) {
                        addAnchors(c, insert, listing.withSort(new UserSort(field, true)), count);
                    }
                }
            }
            insert.executeBatch();
        }
    }

    private void addAnchors(Connection c, PreparedStatement insert, UserQuery ascending, long count)
            throws SQLException {
        SortKey key = null;
        long row = -1;
        Optional<SortKey> next;
        while ((next = users.keyAt(c, ascending, key, spacing - 1, false, SearchPlan.CHECK_ROWS)).isPresent()) {
            key = next.get();
            row += spacing;
            insert.setLong(1, ascending.storeId());
            insert.setString(2, ascending.filter().mode().name());
            insert.setString(3, ascending.sort().field().name());
            insert.setLong(4, row);
            for (int i = 0; i < MAX_KEY_COLUMNS; i++) {
                insert.setObject(5 + i, i < key.values().size() ? key.values().get(i) : null);
            }
            insert.setLong(8, count);
            insert.addBatch();
        }
    }

    /** Whether a listing of a store, filtered so, has anchors. */
    public static boolean covers(EnrollmentFilter filter) {
        return ANCHORED.contains(filter);
    }

    /**
     * The anchor at or before {@code row} of all stores' listing with {@code filter} in ascending
     * {@code field} order, when that order is by store: the stores follow one another in name order,
     * so the row lies in one store's listing, whose own anchor it takes, the key led by the store's
     * name. Empty in other orders, or when that store's anchors are out of date.
     */
    public Optional<Anchor> atOrBeforeAcrossStores(Connection c, EnrollmentFilter filter, UserSort.Field field,
                                                   long row) throws SQLException {
        if (UserQuerySql.orderedBy(field, null, filter) != UserSort.Field.IDENTITY_STORE) {
            return Optional.empty();
        }
        long before = 0;
        try (PreparedStatement stores = c.prepareStatement("SELECT id, name FROM identity_store ORDER BY name");
             ResultSet rs = stores.executeQuery()) {
            while (rs.next()) {
                long storeId = rs.getLong(1);
                long listed = users.count(c, UserQuery.EVERYONE.withStore(storeId).withFilter(filter)).listed();
                if (row < before + listed) {
                    String name = rs.getString(2);
                    long first = before;
                    return atOrBefore(c, storeId, filter, field, row - first, listed).map(anchor -> {
                        List<Object> key = new ArrayList<>(List.of(name));
                        key.addAll(anchor.key().values());
                        return new Anchor(first + anchor.row(), new SortKey(key));
                    });
                }
                before += listed;
            }
        }
        return Optional.empty();
    }

    /**
     * The anchor at or before {@code row} of the store's listing with {@code filter} in ascending
     * {@code field} order, if the anchors were built when that listing had {@code users} users.
     */
    public Optional<Anchor> atOrBefore(Connection c, long storeId, EnrollmentFilter filter, UserSort.Field field,
                                       long row, long users) throws SQLException {
        UserSort.Field orderedBy = UserQuerySql.orderedBy(field, storeId, filter);
        int keySize = new UserQuerySql(UserQuery.EVERYONE.withStore(storeId).withSort(new UserSort(orderedBy, true)))
                .sortExpressions().size();
        try (PreparedStatement select = c.prepareStatement("SELECT row, k1, k2, k3 FROM listing_anchor"
                + " WHERE store_id = ? AND filter = ? AND sort = ? AND row <= ? AND users = ?"
                + " ORDER BY row DESC LIMIT 1")) {
            select.setLong(1, storeId);
            select.setString(2, filter.mode().name());
            select.setString(3, orderedBy.name());
            select.setLong(4, row);
            select.setLong(5, users);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<Object> values = new ArrayList<>(keySize);
                for (int i = 0; i < keySize; i++) {
                    values.add(rs.getObject(2 + i));
                }
                return Optional.of(new Anchor(rs.getLong(1), new SortKey(values)));
            }
        }
    }
}
