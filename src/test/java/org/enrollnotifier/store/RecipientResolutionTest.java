package org.enrollnotifier.store;

import static org.enrollnotifier.store.Users.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.LeftOutReason;
import org.enrollnotifier.model.RecipientCounts;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.UserQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipientResolutionTest {

    private static final Set<EnrollmentType> NONE = EnumSet.noneOf(EnrollmentType.class);

    @TempDir
    Path folder;
    private Database database;
    private final DirectoryUserRepository users = new DirectoryUserRepository();
    private long storeId;

    @BeforeEach
    void fill() {
        database = Database.open(folder.resolve("r.db"));
        storeId = database.write(c -> {
            long id = new IdentityStoreRepository().create(c, "Corp", StoreKind.ACTIVE_DIRECTORY, "corp", false);
            users.insertAll(c, id, List.of(
                    user("ada", "Ada", "Lovelace", "ada@corp.test", NONE),
                    user("bob", "Bob", "Noemail", null, NONE),
                    user("cy", "Cy", "Smsonly", "cy@corp.test", EnumSet.of(EnrollmentType.SMS)),
                    user("di", "Di", "Both", "di@corp.test", EnumSet.of(EnrollmentType.SMS, EnrollmentType.EMAIL)),
                    user("ed", "Ed", "Shared", "SHARED@corp.test", NONE),
                    user("fay", "Fay", "Shared", "shared@CORP.test", NONE)));
            return id;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void usersWithoutEmailAlreadyEnrolledOrSharingAnAddressAreLeftOutWithTheirReason() {
        RecipientSnapshot list = resolve(new RecipientSelection(UserQuery.EVERYONE, Set.of()),
                EnumSet.of(EnrollmentType.SMS));

        assertEquals(List.of("ada", "ed"), recipients(list));
        assertEquals(Map.of("bob", LeftOutReason.NO_EMAIL, "cy", LeftOutReason.ALREADY_ENROLLED,
                        "di", LeftOutReason.ALREADY_ENROLLED, "fay", LeftOutReason.DUPLICATE_ADDRESS), leftOut(list));
        assertEquals(new RecipientCounts(2, Map.of(LeftOutReason.NO_EMAIL, 1L, LeftOutReason.ALREADY_ENROLLED, 2L,
                LeftOutReason.DUPLICATE_ADDRESS, 1L)), list.counts());
    }

    @Test
    void aUserMissingOneOfTheSelectedTypesStillGetsTheMessage() {
        RecipientSnapshot list = resolve(new RecipientSelection(UserQuery.EVERYONE, Set.of()),
                EnumSet.of(EnrollmentType.SMS, EnrollmentType.AUTHENTICATOR));
        assertEquals(List.of("ada", "cy", "di", "ed"), recipients(list));
    }

    @Test
    void checkedUsersAreTheRecipientsWhateverTheQuery() {
        long cy = idOf("cy");
        long ada = idOf("ada");
        RecipientSnapshot list = resolve(new RecipientSelection(
                UserQuery.EVERYONE.withFilter(EnrollmentFilter.ENROLLED).withSearch("nobody"), Set.of(cy, ada)),
                EnumSet.of(EnrollmentType.AUTHENTICATOR));
        assertEquals(List.of("ada", "cy"), recipients(list));
        assertEquals(Map.of(), leftOut(list));
    }

    @Test
    void withoutChecksTheQueryDecidesAcrossAllPages() {
        RecipientSnapshot list = resolve(new RecipientSelection(
                UserQuery.EVERYONE.withStore(storeId).withFilter(EnrollmentFilter.NOT_ENROLLED), Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        assertEquals(List.of("ada", "ed"), recipients(list));
        assertEquals(2, list.counts().leftOutTotal());
    }

    private long idOf(String username) {
        return database.read(c -> users.page(c, UserQuery.EVERYONE.withSearch(username), null, 10, SearchPlan.SORT_MATCHES)).get(0).user().id();
    }

    private RecipientSnapshot resolve(RecipientSelection selection, Set<EnrollmentType> types) {
        return database.scratch(c -> RecipientSnapshot.create(c, selection, EnrollmentType.toMask(types)));
    }

    private List<RecipientSnapshot.Row> rows(RecipientSnapshot snapshot, boolean leftOut) {
        return database.scratch(c -> snapshot.page(c, leftOut, null, 100));
    }

    private List<String> recipients(RecipientSnapshot snapshot) {
        return rows(snapshot, false).stream().map(r -> r.user().username()).toList();
    }

    private Map<String, LeftOutReason> leftOut(RecipientSnapshot snapshot) {
        return rows(snapshot, true).stream().collect(Collectors.toMap(r -> r.user().username(), r -> r.reason()));
    }
}
