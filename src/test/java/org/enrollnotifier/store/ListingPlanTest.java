package org.enrollnotifier.store;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A page and a walk to a row read a listing in the order of an index, whatever its store, filter,
 * sort and a search many users match: sorting the listing instead would cost in proportion to it
 * (a page in the middle of a million not-enrolled users by username took 2 s). SQLite has no
 * statistics here, so its choices are the same on an empty file as on a million users.
 */
class ListingPlanTest {

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("plans.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    static Stream<Arguments> storesAndFilters() {
        return Stream.of(1L, null).flatMap(store -> EnrollmentFilter.choices().stream()
                .map(filter -> Arguments.of(store, filter)));
    }

    @ParameterizedTest
    @MethodSource("storesAndFilters")
    void readsTheListingInAnIndexsOrder(Long store, EnrollmentFilter filter) {
        List<Executable> checks = new ArrayList<>();
        for (UserSort.Field field : UserSort.Field.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                for (String search : new String[] {"", "son", "so"}) {
                    UserQuery listing = new UserQuery(store, search, filter, new UserSort(field, ascending));
                    checks.addAll(readsInAnIndexsOrder(listing));
                }
            }
        }
        assertAll(checks);
    }

    private List<Executable> readsInAnIndexsOrder(UserQuery listing) {
        SearchPlan plan = SearchPlan.forManyMatches(listing);
        UserQuerySql whole = new UserQuerySql(listing);
        UserQuerySql sql = readOfOneStore(whole);
        List<UserQuerySql> twoStores = List.of(whole.inStore(1), whole.inStore(2));
        List<Executable> checks = new ArrayList<>();
        for (boolean afterKey : new boolean[] {false, true}) {
            for (boolean backwards : new boolean[] {false, true}) {
                List<String> texts = new ArrayList<>(List.of(DirectoryUserRepository.pageSql(sql, plan, afterKey, backwards),
                        DirectoryUserRepository.keyAtSql(sql, plan, afterKey, backwards)));
                // read in the search index's order, each store's part is sorted, a page of it at most
                if (whole.mergesStores() && !whole.readsMatchesInRankOrder(plan)) {
                    texts.add(DirectoryUserRepository.mergedPageSql(whole, twoStores, plan, afterKey, backwards));
                    texts.add(DirectoryUserRepository.mergedKeyAtSql(whole, twoStores, plan, afterKey, backwards));
                }
                for (String text : texts) {
                    String steps = plan(text);
                    checks.add(() -> assertFalse(steps.contains("TEMP B-TREE"), listing + "\n" + text + "\n" + steps));
                }
            }
        }
        return checks;
    }

    /**
     * A read from the search index's matches finds each match's user by its rank: a sort index
     * led by the store, which holds a key's columns, looked cheaper to SQLite and was walked whole
     * for every match.
     */
    @ParameterizedTest
    @MethodSource("storesAndFilters")
    void readsFromTheMatchesFindEachUserByItsRank(Long store, EnrollmentFilter filter) {
        List<Executable> checks = new ArrayList<>();
        for (UserSort.Field field : UserSort.Field.values()) {
            UserQuery listing = new UserQuery(store, "son", filter, new UserSort(field, true));
            UserQuerySql sql = readOfOneStore(new UserQuerySql(listing));
            for (SearchPlan plan : List.of(SearchPlan.SORT_MATCHES, SearchPlan.MATCHES_IN_ORDER)) {
                for (String text : List.of(DirectoryUserRepository.pageSql(sql, plan, true, false),
                        DirectoryUserRepository.keyAtSql(sql, plan, true, false))) {
                    String steps = plan(text);
                    checks.add(() -> assertTrue(steps.contains("directory_user_by_rank (display_rank=?"),
                            listing + " " + plan + "\n" + text + "\n" + steps));
                }
            }
        }
        assertAll(checks);
    }

    /** Sorted by status, the enrolled start past the not enrolled: a read from their start seeks there. */
    @ParameterizedTest
    @MethodSource("theEnrolledByStatus")
    void theEnrolledByStatusAreReadFromTheirFirst(UserQuery listing) {
        UserQuerySql sql = readOfOneStore(new UserQuerySql(listing));
        String text = DirectoryUserRepository.pageSql(sql, SearchPlan.CHECK_ROWS, sql.startAfter(null, false) != null,
                false);
        String steps = plan(text);
        assertTrue(steps.contains("(enrolled_types,display_key)>"), text + "\n" + steps);
    }

    static Stream<UserQuery> theEnrolledByStatus() {
        return Stream.of(1L, null).flatMap(store -> Stream.of(EnrollmentFilter.ENROLLED,
                        EnrollmentFilter.enrolledWith(EnrollmentType.AUTHENTICATOR))
                .map(filter -> UserQuery.EVERYONE.withStore(store).withFilter(filter)
                        .withSort(new UserSort(UserSort.Field.ENROLLMENT_STATUS, true))));
    }

    /** The read of one store that a read merged from each store's makes. */
    private static UserQuerySql readOfOneStore(UserQuerySql whole) {
        return whole.mergesStores() ? whole.inStore(1) : whole;
    }

    private String plan(String text) {
        return database.read(c -> QueryPlans.explain(c, text));
    }
}
