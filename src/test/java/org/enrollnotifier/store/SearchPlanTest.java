package org.enrollnotifier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;
import org.junit.jupiter.api.Test;

/** A search many users match reads the search index's matches in order where its keys follow the listing's. */
class SearchPlanTest {

    private static final UserQuery IN_A_STORE = UserQuery.EVERYONE.withStore(7L).withSearch("son");

    private static final UserQuery IN_ALL_STORES = UserQuery.EVERYONE.withSearch("son");

    @Test
    void theDisplayNameOrderOfAStoreOrOfAllAndTheOrdersThatAreItReadTheMatchesInOrder() {
        assertEquals(SearchPlan.MATCHES_IN_ORDER, SearchPlan.forManyMatches(IN_A_STORE));
        assertEquals(SearchPlan.MATCHES_IN_ORDER, SearchPlan.forManyMatches(
                IN_A_STORE.withSort(new UserSort(UserSort.Field.DISPLAY_NAME, false))));
        assertEquals(SearchPlan.MATCHES_IN_ORDER, SearchPlan.forManyMatches(
                IN_A_STORE.withSort(new UserSort(UserSort.Field.IDENTITY_STORE, true))));
        assertEquals(SearchPlan.MATCHES_IN_ORDER, SearchPlan.forManyMatches(IN_A_STORE
                .withFilter(EnrollmentFilter.NOT_ENROLLED).withSort(new UserSort(UserSort.Field.ENROLLMENT_STATUS, true))));
        assertEquals(SearchPlan.MATCHES_IN_ORDER, SearchPlan.forManyMatches(IN_ALL_STORES));
        assertEquals(SearchPlan.MATCHES_IN_ORDER, SearchPlan.forManyMatches(IN_ALL_STORES
                .withFilter(EnrollmentFilter.NOT_ENROLLED).withSort(new UserSort(UserSort.Field.ENROLLMENT_STATUS, false))));
    }

    @Test
    void otherOrdersKeepTheSearchIndexsMatches() {
        assertEquals(SearchPlan.CHECK_INDEX, SearchPlan.forManyMatches(
                IN_A_STORE.withSort(new UserSort(UserSort.Field.USERNAME, true))));
        assertEquals(SearchPlan.CHECK_INDEX, SearchPlan.forManyMatches(
                IN_A_STORE.withSort(new UserSort(UserSort.Field.ENROLLMENT_STATUS, true))));
        assertEquals(SearchPlan.CHECK_INDEX, SearchPlan.forManyMatches(
                IN_ALL_STORES.withSort(new UserSort(UserSort.Field.IDENTITY_STORE, true))));
    }
}
