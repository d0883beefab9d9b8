package org.enrollnotifier.store;

import static org.enrollnotifier.store.Users.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.UserQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranks follow each store's display-name order through imports, and key the search index. */
class DisplayRanksTest {

    @TempDir
    Path folder;
    private Database database;
    private final DirectoryUserRepository users = new DirectoryUserRepository();
    private final ImportStaging staging = new ImportStaging();
    private final IdentityStoreRepository stores = new IdentityStoreRepository();

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("ranks.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void usersAddedOneByOneAreRankedInTheirStoresDisplayNameOrderWithinTheStoresRange() {
        long north = store("North", people("Noah", "Emma", "Zoë", "Ann", "Mia"));
        long south = store("South", people("Bob", "Yusuf"));

        assertRankedInOrder(north, List.of("Ann", "Emma", "Mia", "Noah", "Zoë"));
        assertRankedInOrder(south, List.of("Bob", "Yusuf"));
        assertSearchIndexMatchesTheUsers();
    }

    @Test
    void anImportRanksNewcomersBetweenTheirNeighboursAndKeepsTheRanksOfTheOthers() {
        long store = store("Corp", people("Ann", "Emma", "Noah"));
        Map<String, Long> before = ranks(store);

        reimport(store, people("Ann", "Bea", "Cid", "Emma", "Noah", "Zed", "Aaron"));

        Map<String, Long> after = ranks(store);
        for (String kept : List.of("Ann", "Emma", "Noah")) {
            assertEquals(before.get(kept), after.get(kept), kept);
        }
        assertRankedInOrder(store, List.of("Aaron", "Ann", "Bea", "Cid", "Emma", "Noah", "Zed"));
        assertEquals(List.of("Bea"), firstNamesFound(store, "bea"), "a newcomer is in the search index");
        assertSearchIndexMatchesTheUsers();
    }

    @Test
    void aRenamedUserMovesToItsNewPlaceAndIsFoundByItsNewNameOnly() {
        long store = store("Corp", people("Ann", "Emma", "Noah"));
        long emmaBefore = ranks(store).get("Emma");

        reimport(store, List.of(person("Ann"), renamed(person("Emma"), "Zelda"), person("Noah")));

        assertRankedInOrder(store, List.of("Ann", "Noah", "Zelda"));
        assertNotEquals(emmaBefore, ranks(store).get("Zelda"));
        assertEquals(List.of("Zelda"), firstNamesFound(store, "zelda"));
        assertEquals(List.of(), firstNamesFound(store, "emma"));
        assertSearchIndexMatchesTheUsers();
    }

    @Test
    void newcomersAndRenamedUsersOfOneImportAreRankedTogether() {
        long store = store("Corp", people("Ann", "Emma", "Noah"));

        reimport(store, List.of(person("Ann"), renamed(person("Emma"), "Zara"), person("Noah"), person("Bea"),
                person("Zed")));

        assertRankedInOrder(store, List.of("Ann", "Bea", "Noah", "Zara", "Zed"));
        assertEquals(List.of("Zara", "Zed"), firstNamesFound(store, "z"));
        assertEquals(List.of("Zara"), firstNamesFound(store, "zara"));
        assertSearchIndexMatchesTheUsers();
    }

    @Test
    void aReimportThatChangesOnlyEnrollmentsLeavesTheSearchIndexUntouched() {
        long store = store("Corp", people("Ann", "Emma", "Noah"));
        List<String> indexBefore = searchIndexBlocks();

        reimport(store, people("Ann", "Emma", "Noah").stream().map(DisplayRanksTest::enrolledWithSms).toList());

        assertEquals(3, database.read(c -> users.count(c, UserQuery.EVERYONE.withStore(store)
                .withFilter(EnrollmentFilter.enrolledWith(EnrollmentType.SMS)))).listed());
        assertEquals(indexBefore, searchIndexBlocks());
        assertSearchIndexMatchesTheUsers();
    }

    @Test
    void newcomersWithNoRoomBetweenTheirNeighboursHaveTheStoreNumberedAgain() {
        long store = store("Corp", people("Aa", "Ab"));
        long gapBefore = ranks(store).get("Ab") - ranks(store).get("Aa");
        List<DirectoryUser> crowded = new ArrayList<>(people("Aa", "Ab"));
        IntStream.range(0, (int) DisplayRanks.GAP).forEach(i -> crowded.add(person("Aa" + String.format("%04d", i))));

        reimport(store, crowded);

        assertEquals(DisplayRanks.GAP, gapBefore, "neighbours a gap apart");
        List<String> inOrder = crowded.stream().map(DirectoryUser::firstName).sorted().toList();
        assertRankedInOrder(store, inOrder);
        assertEquals(inOrder.subList(0, 100), firstNamesFound(store, "tester"));
        assertEquals(crowded.size(), database.read(c -> users.count(c,
                UserQuery.EVERYONE.withStore(store).withSearch("tester"))).listed(),
                "the search index has every user under the new ranks");
        assertSearchIndexMatchesTheUsers();
    }

    @Test
    void seekingEachNewcomersNeighboursRanksAsWalkingTheWholeStoreDoes() {
        Random random = new Random(14);
        List<DirectoryUser> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            members.add(user("m" + i, "N" + random.nextInt(40), "Tester", null, EnumSet.noneOf(EnrollmentType.class)));
        }
        long store = store("Corp", members);
        store("Other", people("Ann", "Zed"));
        database.write(c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("UPDATE directory_user SET display_rank = NULL WHERE username IN ('m3', 'm4', 'm150', 'm299')");
                statement.execute("CREATE TEMP TABLE newcomer (key INTEGER PRIMARY KEY, display_key TEXT, tiebreak INTEGER)");
                for (int i = 1; i <= 60; i++) {
                    statement.execute("INSERT INTO temp.newcomer VALUES (" + i + ", 'n" + random.nextInt(45)
                            + " tester', " + i + ")");
                }
                // before the store's first user, and after its last
                statement.execute("INSERT INTO temp.newcomer VALUES (61, 'a tester', 61), (62, 'zz tester', 62)");
            }
            return null;
        });
        String newcomers = "SELECT key, display_key, tiebreak FROM temp.newcomer";

        List<String> walked = ranks(DisplayRanks.ranksOfUnranked(DisplayRanks.unranked(newcomers, true)), store);
        List<String> sought = ranks(DisplayRanks.ranksNearNeighbours(DisplayRanks.unranked(newcomers, false)), store);

        assertEquals(66, walked.size(), "4 unranked users and 62 newcomers");
        assertEquals(walked, sought);
    }

    @Test
    void aFewNewcomersToALargerStoreAreRankedNextToTheirNeighbours() {
        List<DirectoryUser> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            members.add(person("M" + String.format("%02d", i)));
        }
        long store = store("Corp", members);
        Map<String, Long> before = ranks(store);
        List<DirectoryUser> grown = new ArrayList<>(members);
        grown.add(person("M105"));
        grown.add(person("A"));

        reimport(store, grown);

        assertRankedInOrder(store, grown.stream().map(DirectoryUser::firstName).sorted().toList());
        Map<String, Long> after = ranks(store);
        members.forEach(member -> assertEquals(before.get(member.firstName()), after.get(member.firstName())));
        assertEquals(List.of("M105"), firstNamesFound(store, "m105"));
        assertSearchIndexMatchesTheUsers();
    }

    /** Key, rank and gap of each row the given ranking query ranks, by key; it may read TEMP tables. */
    private List<String> ranks(String ranking, long store) {
        return database.scratch(c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT key, rank, gap FROM (" + ranking + ") ORDER BY key")) {
                select.setLong(1, store);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
                    }
                }
            }
            return rows;
        });
    }

    @Test
    void anImportFillingAnEmptyStoreRanksItsUsersAsAddingThemOneByOneWould() {
        List<DirectoryUser> people = new ArrayList<>(people("Noah", "Emma", "Zoë", "Ann", "Mia"));
        people.add(user("emma2", "Emma", "Tester", null, EnumSet.noneOf(EnrollmentType.class)));
        long byOne = store("One by one", people);
        long filled = database.write(c -> stores.create(c, "Filled", StoreKind.CSV, "filled.csv", false));

        reimport(filled, people);

        assertEquals(usernamesAndRanksWithinTheStore(byOne), usernamesAndRanksWithinTheStore(filled));
        List<String> listed = database.read(c -> users.page(c, UserQuery.EVERYONE.withStore(filled), null, 100,
                SearchPlan.CHECK_ROWS)).stream().map(keyed -> keyed.user().username()).toList();
        assertEquals(usernamesAndRanksWithinTheStore(filled).stream().map(line -> line.split(" ")[0]).toList(),
                listed, "the listing's order, by display name and id");
        assertSearchIndexMatchesTheUsers();
    }

    private long store(String name, List<DirectoryUser> members) {
        return database.write(c -> {
            long id = stores.create(c, name, StoreKind.CSV, name + ".csv", false);
            users.insertAll(c, id, members);
            return id;
        });
    }

    private void reimport(long store, List<DirectoryUser> staged) {
        database.scratch(c -> {
            staging.start(c);
            staging.add(c, staged.stream().map(FoldedUser::of).toList());
            return null;
        });
        database.write(c -> staging.apply(c, store));
    }

    private static List<DirectoryUser> people(String... firstNames) {
        return List.of(firstNames).stream().map(DisplayRanksTest::person).toList();
    }

    /** A user named {@code firstName} Tester, whose username (and so external id) is the first name. */
    private static DirectoryUser person(String firstName) {
        return user(firstName.toLowerCase(), firstName, "Tester", null, EnumSet.noneOf(EnrollmentType.class));
    }

    /** The same user (external id) with another first name and username. */
    private static DirectoryUser renamed(DirectoryUser user, String firstName) {
        return new DirectoryUser(0, 0, "", user.externalId(), firstName.toLowerCase(), firstName, user.lastName(),
                firstName + " " + user.lastName(), user.email(), user.department(), user.enrolledTypes(), null);
    }

    private static DirectoryUser enrolledWithSms(DirectoryUser user) {
        return new DirectoryUser(0, 0, "", user.externalId(), user.username(), user.firstName(), user.lastName(),
                user.displayName(), user.email(), user.department(), EnumSet.of(EnrollmentType.SMS), null);
    }

    /** The search index's stored blocks, its structure record among them: any write to the index changes them. */
    private List<String> searchIndexBlocks() {
        return database.read(c -> {
            List<String> blocks = new ArrayList<>();
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT id, hex(block) FROM directory_user_search_data ORDER BY id")) {
                while (rs.next()) {
                    blocks.add(rs.getLong(1) + " " + rs.getString(2));
                }
            }
            return blocks;
        });
    }

    /** First name → rank, in the order of the ranks. */
    private Map<String, Long> ranks(long store) {
        return database.read(c -> {
            Map<String, Long> ranks = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT first_name, display_rank FROM directory_user WHERE store_id = ? ORDER BY display_rank")) {
                select.setLong(1, store);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ranks.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return ranks;
        });
    }

    /** Username and rank less the store's first, in rank order. */
    private List<String> usernamesAndRanksWithinTheStore(long store) {
        return database.read(c -> {
            List<String> ranks = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT username, display_rank - ? FROM directory_user"
                    + " WHERE store_id = ? ORDER BY display_rank")) {
                select.setLong(1, store * DisplayRanks.SPAN);
                select.setLong(2, store);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ranks.add(rs.getString(1) + " " + rs.getLong(2));
                    }
                }
            }
            return ranks;
        });
    }

    /** The store's users by rank are its display-name order, and every rank lies in the store's range. */
    private void assertRankedInOrder(long store, List<String> firstNames) {
        Map<String, Long> ranks = ranks(store);
        assertEquals(firstNames, List.copyOf(ranks.keySet()));
        List<String> listed = database.read(c -> users.page(c, UserQuery.EVERYONE.withStore(store), null, 100_000,
                SearchPlan.CHECK_ROWS)).stream().map(keyed -> keyed.user().firstName()).toList();
        assertEquals(listed, List.copyOf(ranks.keySet()), "the listing's order");
        ranks.values().forEach(rank -> assertTrue(rank > store * DisplayRanks.SPAN
                && rank < (store + 1) * DisplayRanks.SPAN, rank + " outside store " + store));
    }

    private List<String> firstNamesFound(long store, String search) {
        return database.read(c -> users.page(c, UserQuery.EVERYONE.withStore(store).withSearch(search), null, 100,
                SearchPlan.MATCHES_IN_ORDER)).stream().map(keyed -> keyed.user().firstName()).toList();
    }

    /** FTS5's own check that its index holds exactly the users' search keys under their ranks. */
    private void assertSearchIndexMatchesTheUsers() {
        database.write(c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("INSERT INTO directory_user_search (directory_user_search, rank)"
                        + " VALUES ('integrity-check', 1)");
            }
            return null;
        });
    }
}
