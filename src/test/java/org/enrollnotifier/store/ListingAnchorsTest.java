package org.enrollnotifier.store;

import static org.enrollnotifier.store.Users.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ListingAnchorsTest {

    private static final int USERS = 23;
    private static final List<EnumSet<EnrollmentType>> ENROLLED_WITH = List.of(EnumSet.noneOf(EnrollmentType.class),
            EnumSet.of(EnrollmentType.SMS), EnumSet.of(EnrollmentType.AUTHENTICATOR),
            EnumSet.of(EnrollmentType.SMS, EnrollmentType.EMAIL));

    @TempDir
    Path folder;

    private Database database;
    private final DirectoryUserRepository users = new DirectoryUserRepository();
    private final ListingAnchors anchors = new ListingAnchors(5);
    private long storeId;

    @BeforeEach
    void fillAStore() {
        database = Database.open(folder.resolve("anchors.db"));
        List<DirectoryUser> people = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            people.add(user("u" + (i * 7 % USERS), "First" + (i % 4), "Last" + (i * 3 % 5), "u" + i + "@a.test",
                    ENROLLED_WITH.get(i % ENROLLED_WITH.size())));
        }
        storeId = database.write(c -> {
            long id = new IdentityStoreRepository().create(c, "A", StoreKind.CSV, "a.csv", false);
            users.insertAll(c, id, people);
            anchors.rebuild(c, id);
            return id;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    static Stream<Arguments> listings() {
        return AnchorChecks.inEveryOrder(EnrollmentFilter.ALL_USERS, EnrollmentFilter.NOT_ENROLLED,
                EnrollmentFilter.ENROLLED, EnrollmentFilter.enrolledWith(EnrollmentType.SMS),
                EnrollmentFilter.notEnrolledWith(EnrollmentType.SMS), EnrollmentFilter.enrolledWith(EnrollmentType.AUTHENTICATOR),
                EnrollmentFilter.notEnrolledWith(EnrollmentType.EMAIL));
    }

    /** Whatever the filter, the nearest anchor lies no more than five rows before a row. */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("listings")
    void everyRowHasAnAnchorWithinFiveRowsThatTheListingGoesOnFrom(EnrollmentFilter filter, UserSort.Field field) {
        AnchorChecks.assertEveryRowHasANearAnchorTheListingGoesOnFrom(database,
                UserQuery.EVERYONE.withStore(storeId).withFilter(filter).withSort(new UserSort(field, true)), 5,
                (c, row, listed) -> anchors.atOrBefore(c, storeId, filter, field, row, listed));
    }

    @Test
    void anchorsBuiltForAnotherNumberOfUsersAreNotUsed() throws Exception {
        assertTrue(database.read(c -> anchors.atOrBefore(c, storeId, EnrollmentFilter.ALL_USERS,
                UserSort.Field.EMAIL, 20, USERS)).isPresent());
        assertEquals(Optional.empty(),
                database.read(c -> anchors.atOrBefore(c, storeId, EnrollmentFilter.ALL_USERS, UserSort.Field.EMAIL, 20,
                        USERS + 1)));
    }

    /**
     * A store too small for anchors 1,024 users apart gets 32 in each listing, down to 16 users
     * apart, so that the rows of all stores, placed from each store's anchors, are placed closely.
     */
    @ParameterizedTest(name = "{0} users, an anchor within {1} rows")
    @CsvSource({"640, 20", "100, 16"})
    void aSmallStoreGetsItsAnchorsCloserTogether(int count, int within) {
        List<DirectoryUser> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(user("s" + i, "First" + (i % 9), "Last" + (i * 7 % count), "s" + i + "@b.test",
                    ENROLLED_WITH.get(i % ENROLLED_WITH.size())));
        }
        ListingAnchors tuned = new ListingAnchors();
        long small = database.write(c -> {
            long id = new IdentityStoreRepository().create(c, "B", StoreKind.CSV, "b.csv", false);
            users.insertAll(c, id, people);
            tuned.rebuild(c, id);
            return id;
        });
        UserSort byDisplayName = new UserSort(UserSort.Field.DISPLAY_NAME, true);
        AnchorChecks.assertEveryRowHasANearAnchorTheListingGoesOnFrom(database,
                UserQuery.EVERYONE.withStore(small).withSort(byDisplayName), within,
                (c, row, listed) -> tuned.atOrBefore(c, small, EnrollmentFilter.ALL_USERS, byDisplayName.field(), row,
                        listed));
    }
}
