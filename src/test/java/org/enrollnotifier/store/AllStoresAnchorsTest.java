package org.enrollnotifier.store;

import static org.enrollnotifier.store.Users.user;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** All stores' anchors, found from each store's: three stores whose users interleave in every order. */
class AllStoresAnchorsTest {

    private static final int SPACING = 5;
    /** A small store has no anchors: it counts from its start. */
    private static final int[] STORE_SIZES = {31, 17, 3};

    @TempDir
    Path folder;

    private Database database;
    private final DirectoryUserRepository users = new DirectoryUserRepository();
    private final AllStoresAnchors anchors = new AllStoresAnchors(new ListingAnchors());
    private final List<Long> storeIds = new ArrayList<>();

    @BeforeEach
    void fillThreeStores() {
        database = Database.open(folder.resolve("anchors.db"));
        database.write(c -> {
            for (int store = 0; store < STORE_SIZES.length; store++) {
                List<DirectoryUser> people = new ArrayList<>();
                for (int i = 0; i < STORE_SIZES[store]; i++) {
                    int n = i * STORE_SIZES.length + store;
                    people.add(user("u" + (n * 7 % 53), "First" + (n % 6), "Last" + (n * 3 % 11), "u" + n + "@a.test",
                            n % 3 == 0 ? EnumSet.noneOf(EnrollmentType.class) : EnumSet.of(EnrollmentType.SMS)));
                }
                long id = new IdentityStoreRepository().create(c, "Store " + store, StoreKind.CSV, "s.csv", false);
                users.insertAll(c, id, people);
                new ListingAnchors(SPACING).rebuild(c, id);
                storeIds.add(id);
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    static Stream<Arguments> listings() {
        return AnchorChecks.inEveryOrder(EnrollmentFilter.ALL_USERS, EnrollmentFilter.NOT_ENROLLED,
                EnrollmentFilter.enrolledWith(EnrollmentType.SMS));
    }

    /**
     * The nearest anchor lies no more than a spacing per store with anchors, and the small store's
     * users, before a row.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("listings")
    void everyRowHasANearAnchorThatTheListingGoesOnFrom(EnrollmentFilter filter, UserSort.Field field) {
        AnchorChecks.assertEveryRowHasANearAnchorTheListingGoesOnFrom(database,
                UserQuery.EVERYONE.withFilter(filter).withSort(new UserSort(field, true)),
                (long) SPACING * (STORE_SIZES.length - 1) + STORE_SIZES[2],
                (c, row, listed) -> anchors.atOrBefore(c, filter, field, row));
    }

    /** A store whose users changed after its anchors were built is counted from its start instead. */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("listings")
    void aStoreWhoseAnchorsAreOutOfDateCountsFromItsStart(EnrollmentFilter filter, UserSort.Field field) {
        database.write(c -> {
            users.insertAll(c, storeIds.get(1), List.of(
                    user("u0a", "First0", "Last0", "u0a@a.test", EnumSet.noneOf(EnrollmentType.class)),
                    user("zz", "Zed", "Zed", "zz@a.test", EnumSet.of(EnrollmentType.SMS))));
            return null;
        });
        AnchorChecks.assertEveryRowHasANearAnchorTheListingGoesOnFrom(database,
                UserQuery.EVERYONE.withFilter(filter).withSort(new UserSort(field, true)),
                SPACING + (STORE_SIZES[1] + 2) + STORE_SIZES[2],
                (c, row, listed) -> anchors.atOrBefore(c, filter, field, row));
    }
}
