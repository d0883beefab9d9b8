package org.enrollnotifier.store;

import static org.enrollnotifier.store.Users.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    private void stage(List<DirectoryUser> staged) {
        database.scratch(c -> {
            staging.start(c);
            staging.add(c, staged);
            return null;
        });
    }

    private Map<String, Long> idsByUsername() {
        return database.read(c -> users.page(c, UserQuery.EVERYONE, null, 100, SearchPlan.CHECK_ROWS)).stream()
                .collect(Collectors.toMap(k -> k.user().username(), k -> k.user().id()));
    }
}
