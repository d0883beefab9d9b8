package org.enrollnotifier.store;

import org.enrollnotifier.model.UserQuery;

/**
 * How a listing with a search finds its rows. All plans list the same users in the same order;
 * they differ in cost, which depends on how many users match. Without a search they are the same.
 */
public enum SearchPlan {
    /** Walk the sort order and check each user's search key: cheapest when matches are dense. */
    CHECK_ROWS,
    /** Walk the sort order, keeping the users the search index found: for many but sparse matches. */
    CHECK_INDEX,
    /** Read the search index's matches and sort them: for a search few users match. */
    SORT_MATCHES,
    /**
     * Read the search index's matches in the order its keys follow, a store's display-name order
     * ({@link DisplayRanks}), up to a page: for a store listed that way, however many match. Other
     * listings read the matches sorted, as {@link #SORT_MATCHES}.
     */
    MATCHES_IN_ORDER;

    /**
     * For a search many users match: a store's display-name order reads the matches in order;
     * across all stores, checking rows where the order's index carries the search key costs less
     * than collecting the index's matches.
     */
    public static SearchPlan forManyMatches(UserQuery query) {
        if (UserQuerySql.readsMatchesInOrder(query)) {
            return MATCHES_IN_ORDER;
        }
        return UserQuerySql.sortIndexHoldsSearchKey(query) ? CHECK_ROWS : CHECK_INDEX;
    }
}
