package org.enrollnotifier.store;

import static org.enrollnotifier.store.Users.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.UserCounts;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;
import org.enrollnotifier.store.DirectoryUserRepository.KeyedUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryUserRepositoryTest {

    private static final String[] FIRST = {"Ann", "Bob", "Zoë", "Łukasz", "Mia", "Noah", "Søren", "Emma"};
    private static final String[] LAST = {"Smith", "Müller", "Nguyễn", "Brown", "Dubois", "Kim", "Ødegaard", "Lee"};

    @TempDir
    Path folder;

    private Database database;
    private final DirectoryUserRepository repository = new DirectoryUserRepository();
    private long northId;
    private long southId;
    /** What the database should hold, to check queries against. */
    private final List<DirectoryUser> expected = new ArrayList<>();

    @BeforeEach
    void fillTwoStores() {
        database = Database.open(folder.resolve("users.db"));
        IdentityStoreRepository stores = new IdentityStoreRepository();
        List<DirectoryUser> north = new ArrayList<>(List.of(
                user("qhartley", "Quentin", "Hartley", "quentin.hartley@north.test", EnumSet.of(EnrollmentType.SMS)),
                user("xavier.b", "Xavier", "Bergström", null, EnumSet.noneOf(EnrollmentType.class)),
                user("jgarcia", "José", "García", "Jose.Garcia@north.test", EnumSet.noneOf(EnrollmentType.class))));
        List<DirectoryUser> south = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 170; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = random.nextInt(10) == 0 ? null : "user" + i + "@south.test";
            int mask = random.nextInt(3) == 0 ? 0 : random.nextInt(1 << EnrollmentType.values().length);
            (i % 4 == 0 ? north : south).add(user("user" + i, first, last, email, EnrollmentType.fromMask(mask)));
        }
        northId = database.write(c -> {
            long id = stores.create(c, "North", StoreKind.ACTIVE_DIRECTORY, "north.test", false);
            repository.insertAll(c, id, north);
            return id;
        });
        southId = database.write(c -> {
            long id = stores.create(c, "South", StoreKind.LDAP, "ldap://south.test", false);
            repository.insertAll(c, id, south);
            return id;
        });
        north.forEach(u -> expected.add(withStore(u, northId, "North")));
        south.forEach(u -> expected.add(withStore(u, southId, "South")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
        "Quentin, qhartley",       // first name, whole
        "uent, qhartley",          // first name, substring
        "Hartl, qhartley",         // last name, prefix
        "'Quentin Hartley', qhartley", // display name, two terms
        "qhart, qhartley",         // username, prefix
        "hartley@north, qhartley", // email, substring
        "bergstrom, xavier.b",     // last name without its accent
        "jose, jgarcia",           // first name without its accent
        "GARCÍA, jgarcia",         // other case, with accent
        "xa, xavier.b",            // two letters: prefix of first name and username
    })
    void searchMatchesEachFieldByPrefixAndSubstring(String search, String username) {
        UserQuery query = UserQuery.EVERYONE.withStore(northId).withSearch(search);
        List<String> found = allPages(query, 100).stream().map(DirectoryUser::username).toList();
        assertEquals(List.of(username), found);
    }

    @Test
    void searchTermsMustAllMatchAndNothingMatchesAnUnknownName() {
        assertEquals(0, count(UserQuery.EVERYONE.withSearch("Quentin García")).listed());
        assertEquals(0, count(UserQuery.EVERYONE.withSearch("Wolfeschlegelstein")).listed());
    }

    @Test
    void searchTreatsQuotesAndWildcardsAsText() {
        assertEquals(0, count(UserQuery.EVERYONE.withSearch("\"a\" OR *")).listed());
        assertEquals(0, count(UserQuery.EVERYONE.withSearch("%")).listed());
        assertEquals(0, count(UserQuery.EVERYONE.withSearch("_")).listed());
    }

    @Test
    void aUsernameTheEmailAddressHoldsIsLeftOutOfTheSearchKey() {
        assertEquals("jane doe\njdoe@corp.example",
                TextFolding.searchKey("Jane Doe", "JDoe", "jdoe@corp.example", "Jane", "Doe"));
        assertEquals("jane doe\njane.doe@corp.example\njdoe",
                TextFolding.searchKey("Jane Doe", "jdoe", "Jane.Doe@corp.example", "Jane", "Doe"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SearchPlan.class)
    void searchKeysStoredWithTheUsernameBeforeTheEmailFindTheSameUsers(SearchPlan plan) {
        List<String> searches = List.of("user12", "r12@s", "12 smith", "south.test", "ann");
        Map<String, List<DirectoryUser>> before = found(searches, plan);
        // the keys of the users whose username the email holds, as they were folded before the email came first
        int rewritten = database.write(c -> {
            try (Statement statement = c.createStatement()) {
                return statement.executeUpdate("UPDATE directory_user SET search_key = display_key || char(10)"
                        + " || username_key || char(10) || email_key WHERE instr(email_key, username_key) > 0");
            }
        });

        assertTrue(rewritten > 100, rewritten + " keys rewritten");
        before.forEach((search, users) -> assertFalse(users.isEmpty(), search));
        assertEquals(before, found(searches, plan));
    }

    private Map<String, List<DirectoryUser>> found(List<String> searches, SearchPlan plan) {
        return searches.stream().collect(Collectors.toMap(search -> search,
                search -> allPages(UserQuery.EVERYONE.withSearch(search), 50, plan)));
    }

    static Stream<EnrollmentFilter> filters() {
        return EnrollmentFilter.choices().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void eachFilterListsExactlyTheUsersItAccepts(EnrollmentFilter filter) {
        for (Long storeId : new Long[] {null, southId}) {
            Set<String> want = expected.stream()
                    .filter(u -> storeId == null || u.storeId() == storeId)
                    .filter(u -> filter.acceptsEnrolledTypes(EnrollmentType.toMask(u.enrolledTypes())))
                    .map(DirectoryUser::username).collect(Collectors.toSet());
            for (UserSort sort : List.of(UserSort.DEFAULT, new UserSort(UserSort.Field.ENROLLMENT_STATUS, true),
                    new UserSort(UserSort.Field.ENROLLMENT_STATUS, false))) {
                UserQuery query = UserQuery.EVERYONE.withStore(storeId).withFilter(filter).withSort(sort);
                List<String> got = allPages(query, 25).stream().map(DirectoryUser::username).toList();
                assertEquals(want, new HashSet<>(got), filter + " in store " + storeId + ", " + sort);
                assertEquals(want.size(), count(query).listed());
            }
        }
    }

    @Test
    void countsTellHowManyListedUsersHaveNoEmail() {
        long withoutEmail = expected.stream().filter(u -> u.storeId() == southId && u.email() == null).count();
        assertTrue(withoutEmail > 0);
        UserCounts counts = count(UserQuery.EVERYONE.withStore(southId));
        assertEquals(new UserCounts(expected.stream().filter(u -> u.storeId() == southId).count(), withoutEmail),
                counts);
    }

    static Stream<Arguments> sorts() {
        return Stream.of(UserSort.Field.values())
                .flatMap(field -> Stream.of(true, false).flatMap(ascending -> Stream.of(7, 25, 1000)
                        .map(pageSize -> Arguments.of(new UserSort(field, ascending), pageSize))));
    }

    @ParameterizedTest(name = "{0}, {1} a page")
    @MethodSource("sorts")
    void keysetPagingListsEveryUserExactlyOnceInAStableOrder(UserSort sort, int pageSize) {
        UserQuery query = UserQuery.EVERYONE.withSort(sort);
        List<DirectoryUser> first = allPages(query, pageSize);
        List<DirectoryUser> second = allPages(query, pageSize);

        assertEquals(expected.size(), first.size());
        assertEquals(expected.size(), first.stream().map(DirectoryUser::id).distinct().count());
        assertEquals(first, second);
        assertEquals(sortedLikeTheTable(first, sort), first);
    }

    @ParameterizedTest(name = "{0}, {1} a page")
    @MethodSource("sorts")
    void aSearchListsTheSameUsersWhicheverWayItIsPlanned(UserSort sort, int pageSize) {
        UserQuery everywhere = UserQuery.EVERYONE.withSort(sort).withSearch("ser1").withFilter(EnrollmentFilter.ENROLLED);
        for (UserQuery query : List.of(everywhere, everywhere.withStore(southId))) {
            List<DirectoryUser> checked = allPages(query, pageSize, SearchPlan.CHECK_ROWS);

            assertTrue(checked.size() > 1, checked.size() + " users");
            for (SearchPlan plan : SearchPlan.values()) {
                assertEquals(checked, allPages(query, pageSize, plan), plan.name());
                assertEquals(checked.subList(Math.max(0, checked.size() - pageSize), checked.size()),
                        database.read(c -> repository.lastPage(c, query, pageSize, plan)).stream()
                                .map(KeyedUser::user).toList(), plan.name() + ", last page");
            }
            assertEquals(checked.size(), count(query).listed());
        }
    }

    @Test
    void aSearchAcrossMoreStoresThanSqliteTakesInOneUnionListsTheSameUsers() {
        IdentityStoreRepository stores = new IdentityStoreRepository();
        database.write(c -> {
            for (int i = 0; i < 500; i++) {
                long id = stores.create(c, "Branch " + i, StoreKind.CSV, "branch" + i + ".csv", false);
                repository.insertAll(c, id, List.of(user("branch" + i, "Quinn", "Branch" + i, null,
                        EnumSet.noneOf(EnrollmentType.class))));
            }
            return null;
        });
        UserQuery query = UserQuery.EVERYONE.withSearch("user1");
        List<DirectoryUser> checked = allPages(query, 7, SearchPlan.CHECK_ROWS);

        assertTrue(checked.size() > 7, checked.size() + " users");
        assertEquals(checked, allPages(query, 7, SearchPlan.MATCHES_IN_ORDER));
        assertEquals(List.of("branch0"), allPages(UserQuery.EVERYONE.withSearch("branch0 Quinn"), 7,
                SearchPlan.MATCHES_IN_ORDER).stream().map(DirectoryUser::username).toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1, 10, 45, 100_000})
    void aPageWithinAWindowHoldsTheMatchesAmongThatManyUsersOfTheOrder(int window) throws Exception {
        UserQuery everyone = UserQuery.EVERYONE.withSort(new UserSort(UserSort.Field.EMAIL, false));
        UserQuery search = everyone.withSearch("ER1");
        List<DirectoryUser> inWindow = allPages(everyone, 1000).stream().limit(window).toList();
        List<DirectoryUser> expectedMatches = inWindow.stream()
                .filter(u -> u.username().contains("er1") || String.valueOf(u.email()).contains("er1"))
                .limit(20).toList();

        List<KeyedUser> page = database.read(c -> repository.pageWithin(c, search, null, 20, window));

        assertEquals(expectedMatches, page.stream().map(KeyedUser::user).toList());
        if (window == 100_000) {
            assertEquals(allPages(search, 20).subList(0, 20), expectedMatches);
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"user", "us", "user1 u"})
    void aSearchMatchesAtMostAsManyUsersAsItsCountSays(String search) throws Exception {
        UserQuery query = UserQuery.EVERYONE.withSearch(search);
        long matches = count(query).listed();

        assertTrue(database.<Boolean>read(c -> repository.matchesAtMost(c, query, matches)));
        assertFalse(database.<Boolean>read(c -> repository.matchesAtMost(c, query, matches - 1)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SearchPlan.class)
    void keyAtFindsTheSameRowWalkingForwardsOrBackFromTheEnd(SearchPlan plan) throws Exception {
        UserQuery everywhere = UserQuery.EVERYONE.withFilter(EnrollmentFilter.ENROLLED).withSearch("user");
        keyAtFindsTheSameRowWalkingForwardsOrBackFromTheEnd(everywhere, plan);
        keyAtFindsTheSameRowWalkingForwardsOrBackFromTheEnd(everywhere.withStore(southId), plan);
    }

    private void keyAtFindsTheSameRowWalkingForwardsOrBackFromTheEnd(UserQuery query, SearchPlan plan) {
        List<KeyedUser> all = database.read(c -> repository.page(c, query, null, 10_000, plan));
        for (int row : new int[] {0, 1, 37, all.size() - 2, all.size() - 1}) {
            int index = row;
            Optional<SortKey> forwards = database.read(c -> repository.keyAt(c, query, null, index, false, plan));
            Optional<SortKey> backwards =
                    database.read(c -> repository.keyAt(c, query, null, all.size() - 1 - index, true, plan));
            Optional<SortKey> fromAnchor = index == 0 ? forwards
                    : database.read(c -> repository.keyAt(c, query, all.get(0).key(), index - 1, false, plan));
            assertEquals(Optional.of(all.get(row).key()), forwards);
            assertEquals(forwards, backwards);
            assertEquals(forwards, fromAnchor);
        }
        assertEquals(Optional.empty(), database.read(c -> repository.keyAt(c, query, null, all.size(), false, plan)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(UserSort.Field.class)
    void aStretchTalliesTheNextUsersByTheirTypesAndKeysTheLastOfAFullOne(UserSort.Field field) {
        UserQuery store = UserQuery.EVERYONE.withStore(southId).withSort(new UserSort(field, true));
        List<KeyedUser> all = database.read(c -> repository.page(c, store, null, 10_000, SearchPlan.CHECK_ROWS));
        int length = 37;

        DirectoryUserRepository.Stretch second = database.read(c -> repository.stretchAfter(c, store,
                all.get(length - 1).key(), length));
        DirectoryUserRepository.Stretch rest = database.read(c -> repository.stretchAfter(c, store,
                all.get(2 * length - 1).key(), all.size()));

        assertEquals(tallies(all.subList(length, 2 * length)), second.enrolledTypes());
        assertEquals(all.get(2 * length - 1).key(), second.last());
        assertEquals(tallies(all.subList(2 * length, all.size())), rest.enrolledTypes());
        assertNull(rest.last(), "fewer users than asked for: no last key");
    }

    private static Map<Integer, Long> tallies(List<KeyedUser> users) {
        return users.stream().collect(Collectors.groupingBy(
                keyed -> EnrollmentType.toMask(keyed.user().enrolledTypes()), Collectors.counting()));
    }

    private static List<DirectoryUser> sortedLikeTheTable(List<DirectoryUser> users, UserSort sort) {
        Comparator<DirectoryUser> order = switch (sort.field()) {
            case DISPLAY_NAME -> Comparator.comparing(u -> TextFolding.fold(u.displayName()));
            case USERNAME -> Comparator.comparing(u -> TextFolding.fold(u.username()));
            case EMAIL -> Comparator.comparing(u -> TextFolding.fold(u.email()));
            case IDENTITY_STORE -> Comparator.<DirectoryUser, String>comparing(u -> u.storeName().toLowerCase())
                    .thenComparing(u -> TextFolding.fold(u.displayName()));
            case ENROLLMENT_STATUS -> Comparator.<DirectoryUser>comparingInt(
                    u -> EnrollmentType.toMask(u.enrolledTypes())).thenComparing(u -> TextFolding.fold(u.displayName()));
        };
        order = order.thenComparingLong(DirectoryUser::id);
        return users.stream().sorted(sort.ascending() ? order : order.reversed()).toList();
    }

    private List<DirectoryUser> allPages(UserQuery query, int pageSize) {
        return allPages(query, pageSize, SearchPlan.CHECK_ROWS);
    }

    private List<DirectoryUser> allPages(UserQuery query, int pageSize, SearchPlan plan) {
        List<DirectoryUser> users = new ArrayList<>();
        SortKey after = null;
        while (true) {
            SortKey from = after;
            List<KeyedUser> page = database.read(c -> repository.page(c, query, from, pageSize, plan));
            page.forEach(keyed -> users.add(keyed.user()));
            if (page.size() < pageSize) {
                return users;
            }
            after = page.get(page.size() - 1).key();
        }
    }

    private UserCounts count(UserQuery query) {
        return database.read(c -> repository.count(c, query));
    }

    private static DirectoryUser withStore(DirectoryUser user, long storeId, String storeName) {
        return new DirectoryUser(user.id(), storeId, storeName, user.externalId(), user.username(), user.firstName(),
                user.lastName(), user.displayName(), user.email(), user.department(), user.enrolledTypes(),
                user.enrolledAt());
    }
}
