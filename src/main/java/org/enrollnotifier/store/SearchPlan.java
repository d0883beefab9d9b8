package org.enrollnotifier.store;

import org.enrollnotifier.model.UserQuery;

/**
 * How a listing with a search finds its rows. All plans list the same users in the same order;
 * they differ in cost, which depends on how many users match. Without a search they are the same.
 */
public enum SearchPlan {
    /**
     * Walk the sort order and check each user's search key: cheap when matches are dense and
     * early in the order; the way of terms too short for the search index.
     */
    CHECK_ROWS,
    /** Walk the sort order, keeping the users the search index found: for many but sparse matches. */
    CHECK_INDEX,
    /** Read the search index's matches and sort them: for a search few users match. */
    SORT_MATCHES,
    /**
     * Read the search index's matches in the order its keys follow, each store's display-name
     * order ({@link DisplayRanks}), up to a page, merging the stores' when the listing has them
     * all: for a listing in that order, however many match. Other listings read the matches
     * sorted, as {@link #SORT_MATCHES}.
     */
    MATCHES_IN_ORDER;

    /**
     * For a search many users match: the display-name order, of a store or of all, reads the
     * matches in order; another order keeps the index's matches while walking its own index.
     */
    public static SearchPlan forManyMatches(UserQuery query) {
        return UserQuerySql.readsMatchesInOrder(query) ? MATCHES_IN_ORDER : CHECK_INDEX;
    }
}
