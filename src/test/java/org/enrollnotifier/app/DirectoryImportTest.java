package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.enrollnotifier.directory.ImportCancelled;
import org.enrollnotifier.directory.ImportFailure;
import org.enrollnotifier.directory.ImportSink;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.StoreSummary;
import org.enrollnotifier.model.UserCounts;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.store.StoreException;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DirectoryImportTest {

    @RegisterExtension
    final DemoWorkspace demo = new DemoWorkspace();

    @TempDir
    Path files;
    private DirectoryImport importer;
    private UserDirectory directory;

    @BeforeEach
    void open() {
        importer = new DirectoryImport(demo.get());
        directory = new UserDirectory(demo.get());
    }

    @Test
    void aNewStoreIsCreatedWithItsUsersAndAReport() throws Exception {
        Path csv = write("staff.csv", """
                username,firstName,lastName,email,enrolledTypes
                ann,Ann,Archer,ann@corp.test,SMS
                bob,Bob,Baker,not-an-address,
                ,Nobody,Here,nobody@corp.test,
                """);

        ImportResult result = importer.importUsers("Corp", StoreKind.CSV, csv.toString(),
                UserSources.csv(csv, Map.of()), ImportListener.NONE);

        assertEquals(2, result.added());
        assertEquals(2, result.problems().size(), result.problems().toString());
        assertEquals(2, store("Corp").userCount());
        List<String> report = Files.readAllLines(result.report(), StandardCharsets.UTF_8);
        assertEquals("Where,Field,Problem", report.get(0));
        assertEquals(3, report.size());
        DirectoryUser bob = users("Corp").get("bob");
        assertEquals(null, bob.email(), "a malformed address is kept as no email");
    }

    @Test
    void reimportingUpdatesInPlaceAndKeepsIdsAndNotificationHistory() throws Exception {
        Path first = write("v1.csv", """
                username,firstName,lastName,email
                ann,Ann,Archer,ann@corp.test
                bob,Bob,Baker,bob@corp.test
                cat,Cat,Cole,cat@corp.test
                """);
        importer.importUsers("Corp", StoreKind.CSV, first.toString(), UserSources.csv(first, Map.of()),
                ImportListener.NONE);
        Map<String, DirectoryUser> before = users("Corp");
        Notifier notifier = new Notifier(demo.get());
        var list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE, Set.of(before.get("cat").id())),
                EnumSet.allOf(EnrollmentType.class));
        notifier.queue(new NotificationDraft("Hi", "Hello {firstName}", EnumSet.allOf(EnrollmentType.class), "t"),
                list, MailSettings.DEFAULT);

        Path second = write("v2.csv", """
                username,firstName,lastName,email
                ann,Ann,Archer-Smith,ann@corp.test
                bob,Bob,Baker,bob@corp.test
                dan,Dan,Dale,dan@corp.test
                """);
        ImportResult result = importer.importUsers("corp", StoreKind.CSV, second.toString(),
                UserSources.csv(second, Map.of()), ImportListener.NONE);

        assertEquals(List.of(1, 1, 1, 1), List.of(result.added(), result.updated(), result.removed(), result.unchanged()));
        Map<String, DirectoryUser> after = users("Corp");
        assertEquals(Set.of("ann", "bob", "dan"), after.keySet());
        assertEquals(before.get("ann").id(), after.get("ann").id());
        assertEquals("Ann Archer-Smith", after.get("ann").displayName());
        assertEquals(1, notifier.unfinished().size(), "the notification to a removed user is still there");
        assertEquals(1, notifier.unfinished().get(0).counts().total());
        assertEquals(second.toString(), directory.stores().stream().filter(s -> s.store().name().equals("Corp"))
                .findFirst().orElseThrow().store().source(), "the store's source is the file read last");
    }

    @Test
    void aStoreFilledInBulkCountsItsUsersAsOneFilledRowByRow() throws Exception {
        String[] types = {"", "SMS", "SMS;Email", "Authenticator"};
        StringBuilder rows = new StringBuilder("username,email,enrolledTypes\n");
        for (int i = 0; i < 6_000; i++) {
            rows.append("user").append(i).append(',').append(i % 7 == 0 ? "" : "user" + i + "@corp.test").append(',')
                    .append(types[i % types.length]).append('\n');
        }
        Path csv = write("staff.csv", rows.toString());

        long versionBefore = schemaVersion();
        importer.importUsers("Bulk", StoreKind.CSV, csv.toString(), UserSources.csv(csv, Map.of()), ImportListener.NONE);
        assertTrue(schemaVersion() > versionBefore, "more users than the demo stores hold are added in bulk");
        long versionBetween = schemaVersion();
        importer.importUsers("Row by row", StoreKind.CSV, csv.toString(), UserSources.csv(csv, Map.of()),
                ImportListener.NONE);
        assertEquals(versionBetween, schemaVersion(), "fewer users than the table holds are added one by one");

        UserQuery bulk = UserQuery.EVERYONE.withStore(store("Bulk").store().id());
        UserQuery rowByRow = UserQuery.EVERYONE.withStore(store("Row by row").store().id());
        assertEquals(new UserCounts(6_000, 858), directory.pager(bulk, 25).counts());
        for (EnrollmentFilter filter : EnrollmentFilter.choices()) {
            assertEquals(directory.pager(rowByRow.withFilter(filter), 25).counts(),
                    directory.pager(bulk.withFilter(filter), 25).counts(), filter.toString());
        }
    }

    @Test
    void aCancelledImportChangesNothingAndEndsItsReader() throws Exception {
        Path csv = usersCsv("big.csv", 5_000, i -> "user" + i + "@corp.test");
        List<StoreSummary> before = directory.stores();
        AtomicReference<Thread> reader = new AtomicReference<>();

        ImportFailed failed = assertThrows(ImportFailed.class, () -> importer.importUsers("Big", StoreKind.CSV,
                csv.toString(), UserSources.csv(csv, Map.of()), new ImportListener() {
                    private long read;

                    @Override
                    public void progress(long recordsRead) {
                        reader.set(Thread.currentThread());
                        read = recordsRead;
                    }

                    @Override
                    public boolean cancelled() {
                        return read >= 2_000;
                    }
                }));

        assertTrue(failed.cancelled());
        assertEquals(before, directory.stores());
        assertReadOnItsOwnThreadThatHasEnded(reader.get());
    }

    @Test
    void aSourceThatFailsHalfWayChangesNothingAndItsMessageIsReported() throws Exception {
        Path csv = write("v1.csv", """
                username,firstName,lastName,email
                ann,Ann,Archer,ann@corp.test
                """);
        importer.importUsers("Corp", StoreKind.CSV, csv.toString(), UserSources.csv(csv, Map.of()), ImportListener.NONE);
        List<StoreSummary> before = directory.stores();
        Map<String, DirectoryUser> usersBefore = users("Corp");
        AtomicReference<Thread> reader = new AtomicReference<>();

        ImportFailed failed = assertThrows(ImportFailed.class, () -> importer.importUsers("Corp", StoreKind.LDAP,
                "ldap://corp.test", sink -> {
                    reader.set(Thread.currentThread());
                    for (int i = 0; i < 4_500; i++) {
                        sink.user(newUser(i));
                    }
                    throw new ImportFailure("The connection to ldap://corp.test was lost after 4500 entries.");
                }, ImportListener.NONE));

        assertEquals("The connection to ldap://corp.test was lost after 4500 entries. Corp is unchanged.",
                failed.getMessage());
        assertFalse(failed.cancelled());
        assertEquals(before, directory.stores());
        assertEquals(usersBefore, users("Corp"));
        assertReadOnItsOwnThreadThatHasEnded(reader.get());
    }

    @Test
    void aFailureToStageStopsTheReaderAndChangesNothing() {
        List<StoreSummary> before = directory.stores();
        LongSource source = new LongSource(() -> demo.get().database().scratch(c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("DROP TABLE temp.import_user");
            }
            return null;
        }));

        StoreException failure = assertThrows(StoreException.class, () -> importer.importUsers("Long",
                StoreKind.LDAP, LongSource.URL, source, ImportListener.NONE));

        assertTrue(failure.getMessage().contains("import_user"), failure.getMessage());
        assertEquals(before, directory.stores());
        source.assertStoppedEarlyOnItsOwnThreadThatHasEnded();
    }

    @Test
    void interruptingTheImportingThreadCancelsTheImport() {
        List<StoreSummary> before = directory.stores();
        Thread importing = Thread.currentThread();
        LongSource source = new LongSource(importing::interrupt);

        ImportFailed failed = assertThrows(ImportFailed.class, () -> importer.importUsers("Long", StoreKind.LDAP,
                LongSource.URL, source, ImportListener.NONE));

        assertTrue(Thread.interrupted(), "the importing thread is still marked interrupted");
        assertTrue(failed.cancelled());
        assertEquals(before, directory.stores());
        source.assertStoppedEarlyOnItsOwnThreadThatHasEnded();
    }

    /**
     * 200,000 users, read until the sink says the import is cancelled, as every source does; first
     * it does what a test injects, on the reading thread.
     */
    private static final class LongSource implements DirectoryImport.UserSource {
        static final String URL = "ldap://long.test";
        private static final int USERS = 200_000;

        private final Runnable first;
        private volatile Thread reader;
        private volatile int read;

        LongSource(Runnable first) {
            this.first = first;
        }

        @Override
        public void read(ImportSink sink) throws ImportFailure {
            reader = Thread.currentThread();
            first.run();
            for (; read < USERS; read++) {
                if (sink.cancelled()) {
                    throw new ImportCancelled(URL);
                }
                sink.user(newUser(read));
            }
        }

        void assertStoppedEarlyOnItsOwnThreadThatHasEnded() {
            assertTrue(read < USERS, "stopped after " + read + " users");
            assertReadOnItsOwnThreadThatHasEnded(reader);
        }
    }

    @Test
    void aSourceWithNoReadableUserLeavesTheStoreAsItWasAndNamesTheFirstProblem() throws Exception {
        Path first = write("v1.csv", """
                username,firstName,lastName,email
                ann,Ann,Archer,ann@corp.test
                """);
        importer.importUsers("Corp", StoreKind.CSV, first.toString(), UserSources.csv(first, Map.of()),
                ImportListener.NONE);
        Map<String, DirectoryUser> before = users("Corp");
        Path wrong = write("wrong.csv", """
                username,firstName,lastName,email
                ,Nobody,Here,nobody@corp.test
                ,Nobody,Else,else@corp.test
                """);

        ImportFailed failed = assertThrows(ImportFailed.class, () -> importer.importUsers("Corp", StoreKind.CSV,
                wrong.toString(), UserSources.csv(wrong, Map.of()), ImportListener.NONE));

        assertTrue(failed.getMessage().startsWith("No user could be read from " + wrong + ": line 2, username "),
                failed.getMessage());
        assertTrue(failed.getMessage().contains("(and 1 more problem); all are listed in "), failed.getMessage());
        assertTrue(failed.getMessage().endsWith(". Corp is unchanged."), failed.getMessage());
        assertEquals(before, users("Corp"));
    }

    @Test
    void aSourceWithNoUsersAtAllCreatesNoStore() {
        ImportFailed failed = assertThrows(ImportFailed.class, () -> importer.importUsers("Empty", StoreKind.LDAP,
                "ldap://corp.test", sink -> { }, ImportListener.NONE));

        assertEquals("No user was found in ldap://corp.test. No identity store named Empty was created.",
                failed.getMessage());
        assertTrue(directory.stores().stream().noneMatch(s -> s.store().name().equals("Empty")));
    }

    @Test
    void anUnreadableSourceIsReportedAndCreatesNoStore() {
        Path missing = files.resolve("missing.csv");
        ImportFailed failed = assertThrows(ImportFailed.class, () -> importer.importUsers("Ghost", StoreKind.CSV,
                missing.toString(), UserSources.csv(missing, Map.of()), ImportListener.NONE));
        assertFalse(failed.cancelled());
        assertTrue(failed.getMessage().contains("missing.csv"), failed.getMessage());
        assertTrue(directory.stores().stream().noneMatch(s -> s.store().name().equals("Ghost")));
    }

    private static DirectoryUser newUser(int i) {
        return new DirectoryUser(0, 0, "", "new" + i, "new" + i, "New", "User" + i, "New User" + i, null, "",
                Set.of(), null);
    }

    private static void assertReadOnItsOwnThreadThatHasEnded(Thread reader) {
        assertNotEquals(Thread.currentThread(), reader);
        assertFalse(reader.isAlive(), "the reading thread has ended");
    }

    private long schemaVersion() {
        return demo.get().database().read(c -> {
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery("PRAGMA schema_version")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aSourceWithThousandsOfProblemsKeepsTheFirstThousandAndReportsEveryOne() throws Exception {
        Path file = usersCsv("bad-mail.csv", 1_005, i -> "not-an-address-" + i);

        ImportResult result = importer.importUsers("Corp", StoreKind.CSV, file.toString(),
                UserSources.csv(file, Map.of()), ImportListener.NONE);

        assertEquals(1_005, result.added(), "each kept without email");
        assertEquals(1_005, result.problemCount());
        assertEquals(1_000, result.problems().size());
        assertEquals("line 2", result.problems().get(0).location());
        List<String> report = Files.readAllLines(result.report(), StandardCharsets.UTF_8);
        assertEquals(1 + 1_005, report.size());
        assertTrue(report.get(1_005).startsWith("line 1006,email,"), report.get(1_005));
        assertTrue(result.summary().contains("; 1005 problems."), result.summary());
        try (var reports = Files.list(result.report().getParent())) {
            assertEquals(List.of(result.report()), reports.toList(), "no file left behind besides the report");
        }
    }

    @Test
    void anEnrollmentReportCountsTheUsersItChangesAndTakesAUsersLastRow() throws Exception {
        Path staff = write("staff.csv", """
                username,firstName,lastName,email,enrolledTypes
                ann,Ann,Archer,ann@corp.test,
                bob,Bob,Baker,bob@corp.test,SMS
                cat,Cat,Cole,cat@corp.test,
                """);
        importer.importUsers("Corp", StoreKind.CSV, staff.toString(), UserSources.csv(staff, Map.of()),
                ImportListener.NONE);
        Path report = write("enrolled.csv", """
                username,enrolledTypes
                ann,SMS
                bob,SMS
                ann,Email
                zed,SMS
                """);

        ImportResult result = importer.importEnrollment("Corp", report, ImportListener.NONE);

        assertEquals(List.of(1, 1), List.of(result.updated(), result.unchanged()), "ann changed, bob as reported");
        assertEquals(EnumSet.of(EnrollmentType.EMAIL), users("Corp").get("ann").enrolledTypes(), "ann's last row");
        assertEquals(EnumSet.noneOf(EnrollmentType.class), users("Corp").get("cat").enrolledTypes());
        assertEquals(List.of("zed"), result.problems().stream().map(p -> p.location()).toList());
        assertTrue(result.summary().startsWith("Corp: enrollment updated for 1 user, 1 unchanged; 1 problem."),
                result.summary());
    }

    /** A file of {@code count} users, user0 onwards, each with the given email. */
    private Path usersCsv(String name, int count, IntFunction<String> email) throws Exception {
        StringBuilder rows = new StringBuilder("username,email\n");
        for (int i = 0; i < count; i++) {
            rows.append("user").append(i).append(',').append(email.apply(i)).append('\n');
        }
        return write(name, rows.toString());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    private StoreSummary store(String name) {
        return directory.stores().stream().filter(s -> s.store().name().equals(name)).findFirst().orElseThrow();
    }

    private Map<String, DirectoryUser> users(String storeName) {
        UserPager pager = directory.pager(UserQuery.EVERYONE.withStore(store(storeName).store().id()), 100);
        return pager.page(0).users().stream().collect(Collectors.toMap(DirectoryUser::username, u -> u));
    }
}
