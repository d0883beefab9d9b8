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
    SORT_MATCHES;

    /**
     * For a search many users match: checking rows where the order's index carries the search key
     * (the display-name order, of a store or of all), which then costs less than collecting the index's matches.
     */
    public static SearchPlan forManyMatches(UserQuery query) {
        return UserQuerySql.sortIndexHoldsSearchKey(query) ? CHECK_ROWS : CHECK_INDEX;
    }
}
