package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;
import org.enrollnotifier.store.ListingAnchors.Anchor;

/**
 * Anchors in the listings of all identity stores, found from each store's own {@link ListingAnchors}.
 * All stores keep none of their own: an import into any store would have to rebuild them, walking
 * every user of every store.
 */
public final class AllStoresAnchors {

    /** In a store's display-name order, a key before every user's: no display key is below '' nor id below 0. */
    private static final Anchor BEFORE_FIRST_USER = new Anchor(-1, new SortKey(List.of("", -1L)));

    private final ListingAnchors anchors;
    private final DirectoryUserRepository users = new DirectoryUserRepository();

    public AllStoresAnchors(ListingAnchors anchors) {
        this.anchors = anchors;
    }

    /** The anchor at or before {@code row} of all stores' listing with {@code filter} in ascending {@code field} order. */
    public Optional<Anchor> atOrBefore(Connection c, EnrollmentFilter filter, UserSort.Field field, long row)
            throws SQLException {
        UserSort.Field order = UserQuerySql.orderedBy(field, null, filter);
        return order == UserSort.Field.IDENTITY_STORE ? inTheRowsStore(c, filter, row)
                : amongTheStores(c, filter, order, row);
    }

    /**
     * By store, the stores follow one another in name order, so the row lies in one store's
     * listing, whose own anchor it takes, the key led by the store's name; before the store's first
     * anchor, or when its anchors are out of date, a key just before its first user.
     */
    private Optional<Anchor> inTheRowsStore(Connection c, EnrollmentFilter filter, long row) throws SQLException {
        long before = 0;
        try (PreparedStatement stores = c.prepareStatement("SELECT id, name FROM identity_store ORDER BY name");
             ResultSet rs = stores.executeQuery()) {
            while (rs.next()) {
                long storeId = rs.getLong(1);
                long listed = listed(c, storeId, filter);
                if (row < before + listed) {
                    String name = rs.getString(2);
                    long first = before;
                    Anchor inStore = anchors.atOrBefore(c, storeId, filter, UserSort.Field.IDENTITY_STORE,
                            row - first, listed).orElse(BEFORE_FIRST_USER);
                    List<Object> key = new ArrayList<>(List.of(name));
                    key.addAll(inStore.key().values());
                    return Optional.of(new Anchor(first + inStore.row(), new SortKey(key)));
                }
                before += listed;
            }
        }
        return Optional.empty();
    }

    /** One store's listing: its size, and the rows of its anchors, in order. */
    private record StoreListing(int index, long storeId, long listed, List<Long> anchorRows) {

        /** At most how many of the store's users lie up to a key that follows its first {@code seen} anchors. */
        long atMost(int seen) {
            return seen < anchorRows.size() ? anchorRows.get(seen) + 1 : listed;
        }

        /** At least how many of the store's users lie up to a key that follows its first {@code seen} anchors. */
        long atLeast(int seen) {
            return seen == 0 ? 0 : anchorRows.get(seen - 1) + 1;
        }
    }

    /**
     * In another order the stores' users interleave. Taken in key order across the stores, each
     * store's anchors tell, for any of their keys, at least and at most how many users of each
     * other store lie up to it (between that store's anchors before and after the key). The last
     * key whose most leaves it at or before the row is counted exactly: in each other store, from
     * its anchor before the key, fewer users than lie between two anchors. A store without anchors
     * (too small to have any, or out of date) counts from its start. The anchors are read in key
     * order without their keys, whose reading took most of the time (a lookup on a million users
     * 3.3 ms with them, 1.4 ms without); the few keys needed are read after.
     */
    private Optional<Anchor> amongTheStores(Connection c, EnrollmentFilter filter, UserSort.Field order, long row)
            throws SQLException {
        List<StoreListing> stores = new ArrayList<>();
        List<StoreListing> inKeyOrder = readInKeyOrder(c, filter, order, stores);
        int chosen = -1;
        int[] seen = new int[stores.size()];
        for (int i = 0; i < inKeyOrder.size(); i++) {
            StoreListing keyStore = inKeyOrder.get(i);
            seen[keyStore.index()]++;
            long atMost = keyStore.atLeast(seen[keyStore.index()]);
            for (StoreListing store : stores) {
                if (store != keyStore) {
                    atMost += store.atMost(seen[store.index()]);
                }
            }
            if (atMost <= row + 1) {
                chosen = i;
            }
        }
        if (chosen < 0) {
            return Optional.empty();
        }
        int[] seenAtChosen = new int[stores.size()];
        for (int i = 0; i <= chosen; i++) {
            seenAtChosen[inKeyOrder.get(i).index()]++;
        }
        StoreListing keyStore = inKeyOrder.get(chosen);
        long upToKey = keyStore.atLeast(seenAtChosen[keyStore.index()]);
        SortKey key = keyOf(c, keyStore, filter, order, seenAtChosen);
        for (StoreListing store : stores) {
            if (store != keyStore) {
                upToKey += store.atLeast(seenAtChosen[store.index()]) + users.countAfterUpTo(c,
                        listing(store.storeId(), filter, order), keyOf(c, store, filter, order, seenAtChosen), key);
            }
        }
        return Optional.of(new Anchor(upToKey - 1, key));
    }

    /** The key of the store's last anchor among the {@code seen} first; null before its first. */
    private SortKey keyOf(Connection c, StoreListing store, EnrollmentFilter filter, UserSort.Field order, int[] seen)
            throws SQLException {
        int count = seen[store.index()];
        return count == 0 ? null
                : anchors.keyAt(c, store.storeId(), filter, order, store.anchorRows().get(count - 1)).orElseThrow();
    }

    /** Fills {@code stores} with every store's listing, and returns the store of each anchor, in key order. */
    private List<StoreListing> readInKeyOrder(Connection c, EnrollmentFilter filter, UserSort.Field order,
                                              List<StoreListing> stores) throws SQLException {
        Map<Long, StoreListing> byId = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM identity_store");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long storeId = rs.getLong(1);
                StoreListing store = new StoreListing(stores.size(), storeId, listed(c, storeId, filter),
                        new ArrayList<>());
                stores.add(store);
                byId.put(storeId, store);
            }
        }
        List<StoreListing> inKeyOrder = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT store_id, users, row FROM listing_anchor"
                + " WHERE store_id IN (SELECT id FROM identity_store) AND filter = ? AND sort = ? ORDER BY k1, k2, k3")) {
            select.setString(1, ListingAnchors.name(filter));
            select.setString(2, order.name());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StoreListing store = byId.get(rs.getLong(1));
                    if (store.listed() == rs.getLong(2)) {
                        store.anchorRows().add(rs.getLong(3));
                        inKeyOrder.add(store);
                    }
                }
            }
        }
        return inKeyOrder;
    }

    private long listed(Connection c, long storeId, EnrollmentFilter filter) throws SQLException {
        return users.count(c, UserQuery.EVERYONE.withStore(storeId).withFilter(filter)).listed();
    }

    private static UserQuery listing(long storeId, EnrollmentFilter filter, UserSort.Field order) {
        return UserQuery.EVERYONE.withStore(storeId).withFilter(filter).withSort(new UserSort(order, true));
    }
}
