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
import org.enrollnotifier.store.DirectoryUserRepository.KeyedUser;
import org.enrollnotifier.store.ListingAnchors.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ListingAnchorsTest {

    private static final int USERS = 23;

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
                    i % 3 == 0 ? EnumSet.noneOf(EnrollmentType.class) : EnumSet.of(EnrollmentType.SMS)));
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
        return Stream.of(EnrollmentFilter.ALL_USERS, EnrollmentFilter.NOT_ENROLLED, EnrollmentFilter.ENROLLED)
                .flatMap(filter -> Stream.of(UserSort.Field.values()).map(field -> Arguments.of(filter, field)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("listings")
    void everyFifthUserOfTheListingIsAnAnchor(EnrollmentFilter filter, UserSort.Field field) throws Exception {
        UserQuery query = UserQuery.EVERYONE.withStore(storeId).withFilter(filter).withSort(new UserSort(field, true));
        List<KeyedUser> listing = database.read(c -> users.page(c, query, null, 100, SearchPlan.CHECK_ROWS));
        assertTrue(listing.size() >= 5, listing.size() + " users");

        for (long row = 0; row < listing.size(); row++) {
            long asked = row;
            Optional<Anchor> anchor = database.read(c ->
                    anchors.atOrBefore(c, storeId, filter, field, asked, listing.size()));
            long expectedRow = (row + 1) / 5 * 5 - 1;
            if (expectedRow < 0) {
                assertEquals(Optional.empty(), anchor, "row " + row);
            } else {
                assertEquals(expectedRow, anchor.orElseThrow().row(), "row " + row);
                assertEquals(listing.get((int) expectedRow).key(), anchor.get().key(), "row " + row);
            }
        }
    }

    @Test
    void anchorsBuiltForAnotherNumberOfUsersAreNotUsed() throws Exception {
        assertTrue(database.read(c -> anchors.atOrBefore(c, storeId, EnrollmentFilter.ALL_USERS,
                UserSort.Field.EMAIL, 20, USERS)).isPresent());
        assertEquals(Optional.empty(),
                database.read(c -> anchors.atOrBefore(c, storeId, EnrollmentFilter.ALL_USERS, UserSort.Field.EMAIL, 20,
                        USERS + 1)));
    }
}
