package org.enrollnotifier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.UserQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreDeletionTest {

    private static final int KEPT_USERS = 150;

    @TempDir
    Path folder;
    private Database database;
    private final IdentityStoreRepository stores = new IdentityStoreRepository();
    private final DirectoryUserRepository users = new DirectoryUserRepository();
    private final ListingAnchors anchors = new ListingAnchors();

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("deletion.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** 300 users are deleted with the indexes made again after (half the 150 left would do); 50 one by one. */
    @ParameterizedTest
    @ValueSource(ints = {300, 50})
    void deletingAStoreLeavesTheOtherAsItWasAndTheNotificationWithItsRecipientsUnlinked(int deletedUsers) {
        long gone = store("Gone", deletedUsers);
        long kept = store("Kept", KEPT_USERS);
        queueToEveryUser();
        List<String> schemaBefore = usersTableIndexesAndTriggers();
        List<String> keptListingBefore = usernames(UserQuery.EVERYONE.withStore(kept));
        long keptAnchorsBefore = number("SELECT count(*) FROM listing_anchor WHERE store_id = " + kept);
        long schemaVersionBefore = number("PRAGMA schema_version");

        database.writeWithoutReferenceChecks(c -> {
            new StoreDeletion().delete(c, gone);
            return null;
        });

        assertEquals(List.of("Kept"), database.read(stores::summaries).stream().map(s -> s.store().name()).toList());
        assertEquals(KEPT_USERS, database.read(c -> users.count(c, UserQuery.EVERYONE)).listed(), "tallied");
        assertEquals(0, number("SELECT count(*) FROM directory_user WHERE store_id = " + gone));
        assertEquals(keptListingBefore, usernames(UserQuery.EVERYONE.withStore(kept)));
        assertEquals(keptListingBefore, usernames(UserQuery.EVERYONE.withSearch("kept")), "found by the search index");
        assertEquals(List.of(), usernames(UserQuery.EVERYONE.withSearch("gone")));
        assertEquals(0, number("SELECT count(*) FROM listing_anchor WHERE store_id = " + gone));
        assertEquals(keptAnchorsBefore, number("SELECT count(*) FROM listing_anchor WHERE store_id = " + kept));
        assertEquals(0, number("SELECT count(*) FROM user_count WHERE store_id = " + gone));
        assertEquals(deletedUsers, number("SELECT count(*) FROM delivery WHERE user_id IS NULL"),
                "the deleted users' deliveries are kept, unlinked");
        assertEquals(KEPT_USERS, number("SELECT count(*) FROM delivery d JOIN directory_user u ON u.id = d.user_id"));
        assertEquals(0, number("SELECT count(*) FROM pragma_foreign_key_check"), "no reference is left dangling");
        assertEquals(schemaBefore, usersTableIndexesAndTriggers());
        assertEquals(deletedUsers > KEPT_USERS, number("PRAGMA schema_version") != schemaVersionBefore,
                "the indexes were made again");
        database.write(c -> update(c, "INSERT INTO directory_user_search (directory_user_search, rank)"
                + " VALUES ('integrity-check', 1)"));
    }

    private long store(String name, int count) {
        List<DirectoryUser> members = IntStream.range(0, count)
                .mapToObj(i -> Users.user(name.toLowerCase() + i, "First" + i, name, name.toLowerCase() + i
                        + "@example.com", Set.of()))
                .toList();
        return database.write(c -> {
            long id = stores.create(c, name, StoreKind.CSV, name + ".csv", false);
            users.insertAll(c, id, members);
            anchors.rebuild(c, id);
            return id;
        });
    }

    private void queueToEveryUser() {
        database.write(c -> {
            update(c, "INSERT INTO notification (id, created_at, operator, audience, subject, message_template,"
                    + " enrollment_types, left_out_count) VALUES (1, 0, 'tester', 'everyone', 'Enroll', 'Hi', 0, 0)");
            return update(c, "INSERT INTO delivery (notification_id, user_id, address, first_name, last_name,"
                    + " display_name, username, store_name, state, message_id) SELECT 1, id, email, first_name,"
                    + " last_name, display_name, username, 'store', 'PENDING', 'message-' || id FROM directory_user");
        });
    }

    private List<String> usernames(UserQuery query) {
        return database.read(c -> users.page(c, query, null, 1_000, SearchPlan.MATCHES_IN_ORDER)).stream()
                .map(keyed -> keyed.user().username()).toList();
    }

    private List<String> usersTableIndexesAndTriggers() {
        return database.read(c -> {
            List<String> definitions = new ArrayList<>();
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT sql FROM sqlite_schema WHERE tbl_name = 'directory_user' AND sql IS NOT NULL"
                            + " AND type IN ('index', 'trigger') ORDER BY name")) {
                while (rs.next()) {
                    definitions.add(rs.getString(1));
                }
            }
            return definitions;
        });
    }

    private long number(String sql) {
        return database.read(c -> LongParameterStatements.number(c, sql));
    }

    private static int update(Connection c, String sql) throws SQLException {
        return LongParameterStatements.update(c, sql);
    }
}
