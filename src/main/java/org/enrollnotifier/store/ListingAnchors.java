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
 * Places in each store's listings, for every enrollment filter in each sort order (the
 * {@code listing_anchor} table): a filtered listing's row and a sort key that lies after it and
 * before the next row, at most {@code spacing} users of the store apart (closer in a small store).
 * A jump to page 10,000 of a million users starts from the nearest anchor and skips fewer than
 * {@code spacing} users, instead of counting half a million through an index. Rebuilt for a store
 * in the transaction that changes its users; anchors built when a listing had another number of
 * users than it has now are not used.
 */
public final class ListingAnchors {

    /** Users between anchors: a skip this long costs well under a millisecond. */
    public static final int SPACING = 1024;
    /**
     * A smaller store gets at least this many anchors in each listing, down to {@link
     * #CLOSEST_SPACING} users apart. A row of all stores is placed only as closely as each store's
     * anchors place their own rows: with 100 stores of 2,000 users, one anchor each, a jump to the
     * middle of all of them walked 100,000 keys (45–60 ms), and 17–23 ms with 32 each.
     */
    private static final int ANCHORS_PER_LISTING = 32;
    private static final int CLOSEST_SPACING = 16;
    private static final int MAX_KEY_COLUMNS = 3;

    private final int spacing;
    private final DirectoryUserRepository users = new DirectoryUserRepository();

    /**
     * A place in a store's listing, in ascending order: {@code key} lies after the row numbered
     * {@code row} from 0 and before the next, so the rows after the key start at row + 1.
     */
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
     * Walks all the store's users once per sort order, {@code spacing} at a time (fewer in a small
     * store, see {@link #ANCHORS_PER_LISTING}), each step a tally of the step's users by the types
     * they enrolled with and the key of its last one. The tallies place the key in every filtered
     * listing of that order: the filtered row before it is the number of users so far the filter
     * lists, less one. On a million users, 2.1 s for the 17 filters; walking each filtered listing
     * took 1.5 s for the three that had anchors before (all, not enrolled, enrolled), and a deep page
     * of the others 20–35 ms.
     */
    public void rebuild(Connection c, long storeId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM listing_anchor WHERE store_id = ?")) {
            delete.setLong(1, storeId);
            delete.executeUpdate();
        }
        int storeSpacing = (int) Math.min(spacing, Math.max(CLOSEST_SPACING,
                users.count(c, UserQuery.EVERYONE.withStore(storeId)).listed() / ANCHORS_PER_LISTING));
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO listing_anchor"
                + " (store_id, filter, sort, row, k1, k2, k3, users) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (UserSort.Field order : UserSort.Field.values()) {
                if (UserQuerySql.orderedBy(order, storeId, EnrollmentFilter.ALL_USERS) == order) {
                    addAnchors(c, insert, UserQuery.EVERYONE.withStore(storeId).withSort(new UserSort(order, true)),
                            storeSpacing);
                }
            }
            insert.executeBatch();
        }
    }

    /** A filtered listing being placed: its users, and how many of them the walk has passed. */
    private static final class Placed {
        final EnrollmentFilter filter;
        final long users;
        long passed;

        Placed(EnrollmentFilter filter, long users) {
            this.filter = filter;
            this.users = users;
        }
    }

    private void addAnchors(Connection c, PreparedStatement insert, UserQuery everyone, int storeSpacing)
            throws SQLException {
        List<Placed> listings = new ArrayList<>();
        for (EnrollmentFilter filter : EnrollmentFilter.choices()) {
            UserSort.Field order = everyone.sort().field();
            if (UserQuerySql.orderedBy(order, everyone.storeId(), filter) == order) {
                listings.add(new Placed(filter, users.count(c, everyone.withFilter(filter)).listed()));
            }
        }
        SortKey key = null;
        DirectoryUserRepository.Stretch step;
        while ((step = users.stretchAfter(c, everyone, key, storeSpacing)).last() != null) {
            key = step.last();
            for (Placed listing : listings) {
                long before = listing.passed;
                step.enrolledTypes().forEach((enrolledTypes, count) -> {
                    if (listing.filter.acceptsEnrolledTypes(enrolledTypes)) {
                        listing.passed += count;
                    }
                });
                if (listing.passed > before) {
                    addAnchor(insert, everyone, listing, key);
                }
            }
        }
    }

    private static void addAnchor(PreparedStatement insert, UserQuery everyone, Placed listing, SortKey key)
            throws SQLException {
        insert.setLong(1, everyone.storeId());
        insert.setString(2, name(listing.filter));
        insert.setString(3, everyone.sort().field().name());
        insert.setLong(4, listing.passed - 1);
        for (int i = 0; i < MAX_KEY_COLUMNS; i++) {
            insert.setObject(5 + i, i < key.values().size() ? key.values().get(i) : null);
        }
        insert.setLong(8, listing.users);
        insert.addBatch();
    }

    /** The filter as stored: its mode, and the enrollment type of a mode that has one. */
    static String name(EnrollmentFilter filter) {
        return filter.type() == null ? filter.mode().name() : filter.mode().name() + " " + filter.type().name();
    }

    /**
     * The anchor at or before {@code row} of the store's listing with {@code filter} in ascending
     * {@code field} order, if the anchors were built when that listing had {@code users} users.
     */
    public Optional<Anchor> atOrBefore(Connection c, long storeId, EnrollmentFilter filter, UserSort.Field field,
                                       long row, long users) throws SQLException {
        UserSort.Field orderedBy = UserQuerySql.orderedBy(field, storeId, filter);
        int keySize = keySize(orderedBy);
        try (PreparedStatement select = c.prepareStatement("SELECT row, k1, k2, k3 FROM listing_anchor"
                + " WHERE store_id = ? AND filter = ? AND sort = ? AND row <= ? AND users = ?"
                + " ORDER BY row DESC LIMIT 1")) {
            select.setLong(1, storeId);
            select.setString(2, name(filter));
            select.setString(3, orderedBy.name());
            select.setLong(4, row);
            select.setLong(5, users);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Anchor(rs.getLong(1), key(rs, 2, keySize)));
            }
        }
    }

    /** The key of the store's anchor at {@code row} of the listing with {@code filter} in ascending {@code order}. */
    Optional<SortKey> keyAt(Connection c, long storeId, EnrollmentFilter filter, UserSort.Field order, long row)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT k1, k2, k3 FROM listing_anchor"
                + " WHERE store_id = ? AND filter = ? AND sort = ? AND row = ?")) {
            select.setLong(1, storeId);
            select.setString(2, name(filter));
            select.setString(3, order.name());
            select.setLong(4, row);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(key(rs, 1, keySize(order))) : Optional.empty();
            }
        }
    }

    static int keySize(UserSort.Field order) {
        return new UserQuerySql(UserQuery.EVERYONE.withSort(new UserSort(order, true))).sortExpressions().size();
    }

    /** The key stored from column {@code first} on, {@code size} columns long. */
    static SortKey key(ResultSet rs, int first, int size) throws SQLException {
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(rs.getObject(first + i));
        }
        return new SortKey(values);
    }
}
