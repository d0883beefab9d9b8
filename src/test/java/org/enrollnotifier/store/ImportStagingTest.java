package org.enrollnotifier.store;

import static org.enrollnotifier.store.Users.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.UserCounts;
import org.enrollnotifier.model.UserQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportStagingTest {

    @TempDir
    Path folder;
    private Database database;
    private final DirectoryUserRepository users = new DirectoryUserRepository();
    private final ImportStaging staging = new ImportStaging();
    private long storeId;

    @BeforeEach
    void fill() {
        database = Database.open(folder.resolve("i.db"));
        storeId = database.write(c -> {
            long id = new IdentityStoreRepository().create(c, "Corp", StoreKind.CSV, "corp.csv", false);
            users.insertAll(c, id, List.of(
                    user("ann", "Ann", "Old", "ann@corp.test", EnumSet.noneOf(EnrollmentType.class)),
                    user("bob", "Bob", "Same", "bob@corp.test", EnumSet.of(EnrollmentType.SMS)),
                    user("cat", "Cat", "Gone", "cat@corp.test", EnumSet.noneOf(EnrollmentType.class))));
            return id;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void applyingAddsUpdatesAndRemovesByExternalIdKeepingIdsOfTheUsersThatStay() {
        Map<String, Long> idsBefore = idsByUsername();
        stage(List.of(
                user("ann", "Ann", "Newname", "ann@corp.test", EnumSet.of(EnrollmentType.EMAIL)),
                user("bob", "Bob", "Same", "bob@corp.test", EnumSet.of(EnrollmentType.SMS)),
                user("dan", "Dan", "New", null, EnumSet.noneOf(EnrollmentType.class))));

        ImportStaging.Changes changes = database.write(c -> staging.apply(c, storeId));

        assertEquals(new ImportStaging.Changes(1, 1, 1, 1), changes);
        Map<String, DirectoryUser> after = database.read(c -> users.page(c, UserQuery.EVERYONE, null, 100, SearchPlan.CHECK_ROWS)).stream()
                .map(DirectoryUserRepository.KeyedUser::user)
                .collect(Collectors.toMap(DirectoryUser::username, Function.identity()));
        assertEquals(List.of("ann", "bob", "dan"), after.keySet().stream().sorted().toList());
        assertEquals(idsBefore.get("ann"), after.get("ann").id());
        assertEquals(idsBefore.get("bob"), after.get("bob").id());
        assertEquals("Ann Newname", after.get("ann").displayName());
        assertEquals(EnumSet.of(EnrollmentType.EMAIL), after.get("ann").enrolledTypes());
        assertEquals(1, database.read(c -> users.count(c, UserQuery.EVERYONE.withSearch("Newname"))).listed(),
                "the search index follows updates");
        assertEquals(0, database.read(c -> users.count(c, UserQuery.EVERYONE.withSearch("Gone"))).listed());
        assertEquals(new UserCounts(3, 1), database.read(c -> users.count(c, UserQuery.EVERYONE.withStore(storeId))),
                "the kept tallies follow adds, updates and removals");
        assertEquals(new UserCounts(1, 0), database.read(c -> users.count(c,
                UserQuery.EVERYONE.withStore(storeId).withFilter(EnrollmentFilter.enrolledWith(EnrollmentType.EMAIL)))));
    }

    /** An empty store is filled with its indexes built after; the key on external ids finds the one listed twice. */
    @Test
    void aUserTheSourceListsMoreThanOnceFillsAnEmptyStoreOnceAsItsLastEntry() {
        long emptyStore = database.write(c -> new IdentityStoreRepository().create(c, "New", StoreKind.CSV, "new.csv",
                false));
        stageTwiceListed();
        prepare(emptyStore);

        ImportStaging.Changes changes = database.write(c -> staging.apply(c, emptyStore));

        assertEquals(new ImportStaging.Changes(2, 0, 0, 0), changes);
        assertEquals(List.of("Ann Last SMS", "Eve New "), displayNamesAndTypes(emptyStore));
        assertEquals(1L, database.<Long>read(c -> LongParameterStatements.number(c, "SELECT count(*) FROM sqlite_schema"
                + " WHERE name = 'directory_user_by_external_id'")), "the key on external ids is back");
        assertEquals(5, database.read(c -> users.count(c, UserQuery.EVERYONE)).listed(), "the tallies count each once");
    }

    @ParameterizedTest(name = "prepared first: {0}")
    @ValueSource(booleans = {true, false})
    void aUserTheSourceListsMoreThanOnceIsAppliedOnceAsItsLastEntry(boolean prepared) {
        stageTwiceListed();
        if (prepared) {
            prepare(storeId);
        }

        ImportStaging.Changes changes = database.write(c -> staging.apply(c, storeId));

        assertEquals(new ImportStaging.Changes(1, 1, 2, 0), changes);
        assertEquals(List.of("Ann Last SMS", "Eve New "), displayNamesAndTypes(storeId));
    }

    private void prepare(long store) {
        database.scratch(c -> {
            staging.prepare(c, OptionalLong.of(store));
            return null;
        });
    }

    /** Ann three times, Eve once. */
    private void stageTwiceListed() {
        database.scratch(c -> {
            staging.start(c);
            staging.add(c, Stream.of(user("ann", "Ann", "First", "ann@corp.test", EnumSet.noneOf(EnrollmentType.class)),
                    user("eve", "Eve", "New", null, EnumSet.noneOf(EnrollmentType.class))).map(FoldedUser::of).toList());
            staging.add(c, Stream.of(user("ann", "Ann", "Second", "ann@corp.test", EnumSet.noneOf(EnrollmentType.class)),
                    user("ann", "Ann", "Last", "ann@corp.test", EnumSet.of(EnrollmentType.SMS))).map(FoldedUser::of)
                    .toList());
            return null;
        });
    }

    private List<String> displayNamesAndTypes(long store) {
        return database.read(c -> users.page(c, UserQuery.EVERYONE.withStore(store), null, 100,
                SearchPlan.CHECK_ROWS)).stream()
                .map(keyed -> keyed.user().displayName() + " " + keyed.user().enrolledTypes().stream()
                        .map(EnrollmentType::name).collect(Collectors.joining(","))).toList();
    }

    /** Two of the store's three users leave: at least half as many as stay, so they go in bulk. */
    @Test
    void aReImportThatMostUsersLeaveRemovesThemWithTheIndexesMadeAgainAndUnlinksTheirDeliveries() {
        List<String> schemaBefore = schema();
        execute("INSERT INTO notification (id, created_at, operator, audience, subject, message_template,"
                + " enrollment_types, left_out_count) VALUES (1, 0, 'tester', 'everyone', 'Enroll', 'Hi', 0, 0)");
        execute("INSERT INTO delivery (notification_id, user_id, address, first_name, last_name, display_name,"
                + " username, store_name, state, message_id) SELECT 1, id, email, first_name, last_name, display_name,"
                + " username, 'Corp', 'PENDING', 'message-' || id FROM directory_user");
        long bobId = idsByUsername().get("bob");
        stage(List.of(user("bob", "Bob", "Same", "bob@corp.test", EnumSet.of(EnrollmentType.SMS))));
        long versionBefore = schemaVersion();

        assertEquals(new ImportStaging.Changes(0, 0, 2, 1), database.write(c -> staging.apply(c, storeId)));

        assertTrue(schemaVersion() > versionBefore, "the indexes were dropped and made again");
        assertEquals(schemaBefore, schema());
        assertEquals(Map.of("bob", bobId), idsByUsername());
        assertEquals(1, database.read(c -> users.count(c, UserQuery.EVERYONE.withSearch("corp.test"))).listed(),
                "the search index holds the user left only");
        assertEquals(new UserCounts(1, 0), database.read(c -> users.count(c, UserQuery.EVERYONE.withStore(storeId))));
        assertEquals(List.of("null", "null", String.valueOf(bobId)),
                texts("SELECT coalesce(user_id, 'null') FROM delivery ORDER BY user_id IS NOT NULL, user_id"),
                "the leavers' deliveries are kept, unlinked");
        execute("INSERT INTO directory_user_search (directory_user_search, rank) VALUES ('integrity-check', 1)");
    }

    @Test
    void aFailureWhileApplyingLeavesTheStoreAsItWas() {
        Map<String, Long> before = idsByUsername();
        stage(List.of(user("zed", "Zed", "Only", null, EnumSet.noneOf(EnrollmentType.class))));
        assertThrows(IllegalStateException.class, () -> database.write(c -> {
            staging.apply(c, storeId);
            throw new IllegalStateException("cancelled at the last moment");
        }));
        assertEquals(before, idsByUsername());
    }

    @Test
    void anEmptyStoreGettingAtLeastAsManyUsersAsTheTableHoldsHasTheIndexesBuiltAfterwardsAndTheSchemaStays() {
        List<String> schemaBefore = schema();
        long bigStore = database.write(c -> new IdentityStoreRepository().create(c, "Big", StoreKind.CSV, "big.csv", false));
        List<String> names = List.of("Quinn", "Pia", "Omar", "Nell", "Milo");
        stage(names.stream().map(name -> user(name.toLowerCase(), name, "Newcomer", name.toLowerCase() + "@big.test",
                EnumSet.noneOf(EnrollmentType.class))).toList());

        long versionBefore = schemaVersion();
        database.useBulkCache(true);
        long cacheBefore = writingConnectionCache();
        assertEquals(new ImportStaging.Changes(5, 0, 0, 0), database.write(c -> staging.apply(c, bigStore)));

        assertTrue(schemaVersion() > versionBefore, "the indexes were dropped and built again");
        assertEquals(schemaBefore, schema());
        assertEquals(cacheBefore, writingConnectionCache(), "the page cache is as it was before the indexes were built");
        database.useBulkCache(false);
        assertEquals(5, database.read(c -> users.count(c, UserQuery.EVERYONE.withStore(bigStore).withSearch("Newcomer")))
                .listed(), "the search index has every user added");
        assertEquals(List.of("Milo", "Nell", "Omar", "Pia", "Quinn"), database.read(c -> users.page(c,
                UserQuery.EVERYONE.withStore(bigStore), null, 10, SearchPlan.CHECK_ROWS)).stream()
                .map(keyed -> keyed.user().firstName()).toList());

        stage(List.of(user("ann", "Ann", "Old", "ann@corp.test", EnumSet.noneOf(EnrollmentType.class)),
                user("bob", "Bob", "Same", "bob@corp.test", EnumSet.of(EnrollmentType.SMS)),
                user("cat", "Cat", "Gone", "cat@corp.test", EnumSet.noneOf(EnrollmentType.class)),
                user("eve", "Eve", "Later", null, EnumSet.noneOf(EnrollmentType.class))));
        long versionBeforeOneMore = schemaVersion();
        database.write(c -> staging.apply(c, storeId));
        assertEquals(versionBeforeOneMore, schemaVersion(), "one user more than 8 is added to the indexes as they are");
        assertEquals(1, database.read(c -> users.count(c, UserQuery.EVERYONE.withSearch("Later"))).listed(),
                "a user added one at a time afterwards is found too");
    }

    @Test
    void aFailureAfterABulkAdditionLeavesTheSchemaTheStoresAndTheirTalliesAsTheyWere() {
        List<String> schemaBefore = schema();
        Map<String, Long> before = idsByUsername();
        long bigStore = database.write(c -> new IdentityStoreRepository().create(c, "Big", StoreKind.CSV, "big.csv", false));
        List<String> talliesBefore = tallies();
        stage(List.of("u1", "u2", "u3", "u4").stream().map(name -> user(name, "User", name, null,
                EnumSet.noneOf(EnrollmentType.class))).toList());

        assertThrows(IllegalStateException.class, () -> database.write(c -> {
            staging.apply(c, bigStore);
            throw new IllegalStateException("cancelled at the last moment");
        }));

        assertEquals(schemaBefore, schema());
        assertEquals(before, idsByUsername());
        assertEquals(talliesBefore, tallies());
    }

    @Test
    void aBulkAdditionTalliesItsUsersAsAddingThemOneByOneDoes() {
        long bigStore = database.write(c -> new IdentityStoreRepository().create(c, "Big", StoreKind.CSV, "big.csv", false));
        long copyStore = database.write(c -> new IdentityStoreRepository().create(c, "Copy", StoreKind.CSV, "copy.csv", false));
        List<DirectoryUser> newcomers = List.of(
                user("quinn", "Quinn", "New", "quinn@big.test", EnumSet.noneOf(EnrollmentType.class)),
                user("pia", "Pia", "New", null, EnumSet.noneOf(EnrollmentType.class)),
                user("omar", "Omar", "New", "omar@big.test", EnumSet.of(EnrollmentType.SMS)),
                user("nell", "Nell", "New", "nell@big.test", EnumSet.of(EnrollmentType.SMS)),
                user("milo", "Milo", "New", null, EnumSet.of(EnrollmentType.SMS, EnrollmentType.AUTHENTICATOR)),
                user("lena", "Lena", "New", "lena@big.test", EnumSet.of(EnrollmentType.EMAIL)));

        long bigVersion = schemaVersion();
        applyTwoThenNoneThenAll(bigStore, newcomers);
        assertTrue(schemaVersion() > bigVersion, "the store emptied got its users in bulk");
        long copyVersion = schemaVersion();
        applyTwoThenNoneThenAll(copyStore, newcomers);
        assertEquals(copyVersion, schemaVersion(), "the copy got its users one by one");

        assertEquals(List.of("0 0 1", "0 1 1", "2 1 2", "4 1 1", "10 0 1"), talliesOf(bigStore).stream()
                .filter(tally -> !tally.endsWith(" 0")).toList(), "added to the tallies left at 0 by the emptying");
        assertEquals(talliesOf(copyStore), talliesOf(bigStore));
    }

    @Test
    void aFailureInTheMiddleOfABulkAdditionLeavesTheTriggersAndTheTalliesWorking() {
        List<String> schemaBefore = schema();
        long bigStore = database.write(c -> new IdentityStoreRepository().create(c, "Big", StoreKind.CSV, "big.csv", false));
        List<String> talliesBefore = tallies();
        stage(List.of("u1", "u2", "u3", "u4").stream().map(name -> user(name, "User", name, null,
                EnumSet.noneOf(EnrollmentType.class))).toList());
        execute("CREATE TEMP TRIGGER fail_on_u3 BEFORE INSERT ON main.directory_user WHEN new.username = 'u3'"
                + " BEGIN SELECT RAISE(ABORT, 'disk full'); END");

        StoreException failure = assertThrows(StoreException.class, () -> database.write(c -> staging.apply(c, bigStore)));

        assertTrue(failure.getMessage().contains("disk full"), failure.getMessage());
        execute("DROP TRIGGER temp.fail_on_u3");
        assertEquals(schemaBefore, schema());
        assertEquals(talliesBefore, tallies());
        database.write(c -> {
            users.insertAll(c, bigStore, List.of(user("u5", "User", "u5", "u5@big.test", EnumSet.noneOf(EnrollmentType.class))));
            return null;
        });
        assertEquals(List.of("0 1 1"), talliesOf(bigStore), "the tally trigger counts a user added afterwards");
        assertEquals(1, database.read(c -> users.count(c, UserQuery.EVERYONE.withSearch("u5@big"))).listed(),
                "the search trigger indexes a user added afterwards");
    }

    /** The page cache of the connection that imports (reads have one of their own). */
    private long writingConnectionCache() {
        return database.scratch(c -> LongParameterStatements.number(c, "PRAGMA main.cache_size"));
    }

    private long schemaVersion() {
        return database.read(c -> {
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery("PRAGMA schema_version")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<String> schema() {
        return texts("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name");
    }

    private void stage(List<DirectoryUser> staged) {
        database.scratch(c -> {
            staging.start(c);
            staging.add(c, staged.stream().map(FoldedUser::of).toList());
            return null;
        });
    }

    private Map<String, Long> idsByUsername() {
        return database.read(c -> users.page(c, UserQuery.EVERYONE, null, 100, SearchPlan.CHECK_ROWS)).stream()
                .collect(Collectors.toMap(k -> k.user().username(), k -> k.user().id()));
    }

    /** Applies the first two newcomers to a store, then none, which empties it, then all of them. */
    private void applyTwoThenNoneThenAll(long store, List<DirectoryUser> newcomers) {
        for (List<DirectoryUser> staged : List.of(newcomers.subList(0, 2), List.<DirectoryUser>of(), newcomers)) {
            stage(staged);
            database.write(c -> staging.apply(c, store));
        }
    }

    private void execute(String sql) {
        database.scratch(c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    /** Every store's kept tallies: store, enrolled types, has email, users. */
    private List<String> tallies() {
        return texts("SELECT store_id || ' ' || enrolled_types || ' ' || has_email || ' ' || users FROM user_count"
                + " ORDER BY store_id, enrolled_types, has_email");
    }

    /** The first column of every row a query reads. */
    private List<String> texts(String sql) {
        return database.read(c -> {
            List<String> texts = new ArrayList<>();
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
            }
            return texts;
        });
    }

    /** One store's kept tallies: enrolled types, has email, users. */
    private List<String> talliesOf(long store) {
        String prefix = store + " ";
        return tallies().stream().filter(tally -> tally.startsWith(prefix))
                .map(tally -> tally.substring(prefix.length())).toList();
    }
}
