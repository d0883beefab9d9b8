package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.DirectoryUserRepository;
import org.enrollnotifier.store.AllStoresAnchors;
import org.enrollnotifier.store.ListingAnchors;
import org.enrollnotifier.store.SearchPlan;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserPagerTest {

    @RegisterExtension
    static final DemoWorkspace WORKSPACE = new DemoWorkspace();
    private static UserDirectory directory;

    /** With every store's anchors rebuilt 7 apart, so that jumps start from many of them. */
    @BeforeAll
    static void openDirectory() {
        directory = new UserDirectory(WORKSPACE.get());
        WORKSPACE.get().database().write(c -> {
            for (var store : directory.stores()) {
                new ListingAnchors(7).rebuild(c, store.store().id());
            }
            return null;
        });
    }

    @Test
    void pagesVisitedInAnyOrderHoldTheSameUsersAsAWalkFromTheFirst() {
        UserQuery query = UserQuery.EVERYONE.withFilter(EnrollmentFilter.NOT_ENROLLED)
                .withSort(new UserSort(UserSort.Field.EMAIL, false));
        int pageSize = 50;
        UserPager walker = directory.pager(query, pageSize);
        List<List<DirectoryUser>> walked = new ArrayList<>();
        for (int page = 0; page < walker.pageCount(); page++) {
            walked.add(walker.page(page).users());
        }

        List<Integer> order = new ArrayList<>();
        for (int page = 0; page < walker.pageCount(); page++) {
            order.add(page);
        }
        Collections.shuffle(order, new Random(3));
        UserPager jumper = directory.pager(query, pageSize);
        for (int page : order) {
            assertEquals(walked.get(page), jumper.page(page).users(), "page " + page);
        }
    }

    @Test
    void everyPageButTheLastIsFullAndTheyAddUpToTheCount() {
        UserPager pager = directory.pager(UserQuery.EVERYONE, 100);
        long total = 0;
        for (int page = 0; page < pager.pageCount(); page++) {
            int size = pager.page(page).users().size();
            assertTrue(page == pager.pageCount() - 1 ? size > 0 && size <= 100 : size == 100, "page " + page);
            total += size;
        }
        assertEquals(pager.counts().listed(), total);
    }

    @Test
    void aPageBeyondTheEndShowsTheLastPage() {
        UserPager pager = directory.pager(UserQuery.EVERYONE.withSearch("Smith"), 25);
        UserPage beyond = pager.page(10_000);
        assertEquals(pager.pageCount() - 1, beyond.index());
        assertEquals(pager.page(pager.pageCount() - 1).users(), beyond.users());
    }

    @Test
    void anEmptyListingHasOneEmptyPage() {
        UserPager pager = directory.pager(UserQuery.EVERYONE.withSearch("no such person anywhere"), 25);
        assertEquals(1, pager.pageCount());
        assertEquals(List.of(), pager.page(0).users());
    }

    static Stream<Arguments> windowsAndSorts() {
        return Stream.of(1, 30, 1000).flatMap(window -> Stream.of(UserSort.Field.USERNAME, UserSort.Field.IDENTITY_STORE)
                .map(field -> Arguments.of(window, field)));
    }

    @ParameterizedTest(name = "checking {0} users before asking the index, by {1}")
    @MethodSource("windowsAndSorts")
    void aSearchManyUsersMatchListsItsPagesFirstAndTheSameUsersOnceCounted(int checkedWindow, UserSort.Field field) {
        Database database = WORKSPACE.get().database();
        UserQuery query = UserQuery.EVERYONE.withSearch("son").withSort(new UserSort(field, true));
        UserPager sorted = new UserPager(database, new DirectoryUserRepository(), new ListingAnchors(), query, 25,
                Long.MAX_VALUE, 1);
        UserPager many = new UserPager(database, new DirectoryUserRepository(), new ListingAnchors(), query, 25,
                10, checkedWindow);
        assertTrue(sorted.counts().listed() > 50, sorted.counts() + " matches");

        assertEquals(Optional.empty(), many.knownCounts());
        UserPage first = many.page(0);
        assertEquals(Optional.empty(), first.counts());
        assertEquals(2, first.pageCount(), "the pages known so far");
        assertEquals(sorted.page(0).users(), first.users());
        assertEquals(sorted.page(1).users(), many.page(1).users());

        assertEquals(sorted.counts(), many.counts(() -> false));
        assertEquals(Optional.of(sorted.counts()), many.page(2).counts());
        for (int page = sorted.pageCount() - 1; page >= 0; page--) {
            assertEquals(sorted.page(page).users(), many.page(page).users(), "page " + page);
        }
    }

    @ParameterizedTest(name = "in all stores: {0}")
    @ValueSource(booleans = {false, true})
    void aSearchManyUsersMatchInTheDefaultOrderIsReadInOrderAndListsTheSameUsers(boolean allStores) {
        Database database = WORKSPACE.get().database();
        long storeId = directory.stores().get(0).store().id();
        UserQuery query = allStores ? UserQuery.EVERYONE.withSearch("son")
                : UserQuery.EVERYONE.withStore(storeId).withSearch("son");
        assertEquals(SearchPlan.MATCHES_IN_ORDER, SearchPlan.forManyMatches(query));
        UserPager sorted = new UserPager(database, new DirectoryUserRepository(), new ListingAnchors(), query, 25,
                Long.MAX_VALUE, 1);
        UserPager many = new UserPager(database, new DirectoryUserRepository(), new ListingAnchors(), query, 25,
                10, 1);
        assertTrue(sorted.counts().listed() > 50, sorted.counts() + " matches");

        assertEquals(sorted.page(0).users(), many.page(0).users());
        assertEquals(sorted.counts(), many.counts(() -> false));
        for (int page = sorted.pageCount() - 1; page > 0; page--) {
            assertEquals(sorted.page(page).users(), many.page(page).users(), "page " + page);
        }
    }

    /** Each of the filters in every sort, both ways. */
    private static Stream<Arguments> inEverySort(EnrollmentFilter... filters) {
        return Stream.of(filters).flatMap(filter -> Stream.of(UserSort.Field.values()).flatMap(field -> Stream.of(
                Arguments.of(filter, new UserSort(field, true)), Arguments.of(filter, new UserSort(field, false)))));
    }

    static Stream<Arguments> anchoredListings() {
        return inEverySort(EnrollmentFilter.ALL_USERS, EnrollmentFilter.NOT_ENROLLED, EnrollmentFilter.ENROLLED,
                EnrollmentFilter.notEnrolledWith(EnrollmentType.SMS),
                EnrollmentFilter.enrolledWith(EnrollmentType.AUTHENTICATOR));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("anchoredListings")
    void aJumpFromTheStoresAnchorsLandsOnThePageAWalkReaches(EnrollmentFilter filter, UserSort sort) {
        long storeId = directory.stores().get(0).store().id();
        assertJumpsLandOnTheWalkedPages(UserQuery.EVERYONE.withStore(storeId).withFilter(filter).withSort(sort));
    }

    static Stream<Arguments> allStoresListings() {
        return inEverySort(EnrollmentFilter.ALL_USERS, EnrollmentFilter.NOT_ENROLLED,
                EnrollmentFilter.notEnrolledWith(EnrollmentType.SMS),
                EnrollmentFilter.enrolledWith(EnrollmentType.AUTHENTICATOR));
    }

    /**
     * Across all stores a jump walks sort keys without the stores, except where the store's name is
     * one, from anchors found from every store's.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("allStoresListings")
    void aJumpAcrossAllStoresLandsOnThePageAWalkReaches(EnrollmentFilter filter, UserSort sort) {
        assertJumpsLandOnTheWalkedPages(UserQuery.EVERYONE.withFilter(filter).withSort(sort));
    }

    static Stream<Arguments> anchoredListingsByStore() {
        return Stream.of(EnrollmentFilter.ALL_USERS, EnrollmentFilter.NOT_ENROLLED, EnrollmentFilter.ENROLLED)
                .flatMap(filter -> Stream.of(true, false).map(ascending -> Arguments.of(filter,
                        new UserSort(UserSort.Field.IDENTITY_STORE, ascending))));
    }

    /** Across all stores by store, a jump starts from the anchors of the store the page lies in. */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("anchoredListingsByStore")
    void aJumpAcrossAllStoresByStoreFromTheStoresAnchorsLandsOnThePageAWalkReaches(EnrollmentFilter filter,
                                                                                  UserSort sort) {
        long nearTheEnd = directory.pager(UserQuery.EVERYONE.withFilter(filter), 25).counts().listed() - 20;
        ListingAnchors.Anchor anchor = WORKSPACE.get().database().read(c -> new AllStoresAnchors(new ListingAnchors())
                .atOrBefore(c, filter, UserSort.Field.IDENTITY_STORE, nearTheEnd)).orElseThrow();
        assertTrue(anchor.row() <= nearTheEnd && anchor.row() > nearTheEnd - 7, anchor + " for row " + nearTheEnd);

        assertJumpsLandOnTheWalkedPages(UserQuery.EVERYONE.withFilter(filter).withSort(sort));
    }

    /**
     * The pages walked one after another hold the listing read in one page, and every third page,
     * each read by a fresh pager (so found by a jump), equals the page the walk reached.
     */
    private static void assertJumpsLandOnTheWalkedPages(UserQuery query) {
        UserPager walker = directory.pager(query, 25);
        List<List<DirectoryUser>> walked = new ArrayList<>();
        for (int page = 0; page < walker.pageCount(); page++) {
            walked.add(walker.page(page).users());
        }
        int listed = Math.toIntExact(walker.counts().listed());
        assertEquals(directory.pager(query, listed).page(0).users(), walked.stream().flatMap(List::stream).toList(),
                "the walk, against the listing in one page");

        for (int page = 0; page < walked.size(); page += 3) {
            assertEquals(walked.get(page), directory.pager(query, 25).page(page).users(), "page " + page);
        }
    }
}
