package org.enrollnotifier.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.ImportProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvUserSourceTest {

    @TempDir
    Path folder;

    @Test
    void powerShellExportMapsAutomatically() throws Exception {
        RecordingSink sink = read("""
                #TYPE Microsoft.ActiveDirectory.Management.ADUser
                "DistinguishedName","Enabled","GivenName","Name","ObjectClass","ObjectGUID","SamAccountName","SID","Surname","UserPrincipalName","department","displayName","mail"
                "CN=Zoë Ødegaard,OU=Staff,DC=north,DC=test","True","Zoë","Zoë Ødegaard","user","6f1c2a4e-3b5d-4c7e-9f80-1a2b3c4d5e6f","zodegaard","S-1-5-21-1-2-3-1104","Ødegaard","zoe.odegaard@north.test","Finance","Ødegaard, Zoë","zoe.odegaard@north.test"
                """);

        assertEquals(List.of(), sink.problems);
        DirectoryUser zoe = sink.user("zodegaard");
        assertEquals("6f1c2a4e-3b5d-4c7e-9f80-1a2b3c4d5e6f", zoe.externalId());
        assertEquals("Zoë", zoe.firstName());
        assertEquals("Ødegaard", zoe.lastName());
        assertEquals("Ødegaard, Zoë", zoe.displayName());
        assertEquals("zoe.odegaard@north.test", zoe.email());
        assertEquals("Finance", zoe.department());
    }

    @Test
    void csvdeExportMapsAutomatically() throws Exception {
        RecordingSink sink = read("""
                DN,objectClass,sAMAccountName,givenName,sn,mail,displayName
                "CN=Ann Lee,OU=Staff,DC=north,DC=test",user,alee,Ann,Lee,ann.lee@north.test,Ann Lee
                """);

        DirectoryUser ann = sink.user("alee");
        assertEquals("CN=Ann Lee,OU=Staff,DC=north,DC=test", ann.externalId());
        assertEquals("Ann", ann.firstName());
        assertEquals("Lee", ann.lastName());
        assertEquals("ann.lee@north.test", ann.email());
    }

    @Test
    void entraDownloadWithoutEmailColumnImportsUsersWithoutEmail() throws Exception {
        RecordingSink sink = read("""
                "User principal name","Display name","Surname","Given name","Object ID","Department","Account enabled"
                "mia.kim@south.test","Mia Kim","Kim","Mia","0d7c8d2e-1111-4a2b-9c3d-222233334444","Sales","True"
                """);

        assertEquals(List.of(), sink.problems);
        DirectoryUser mia = sink.user("mia.kim@south.test");
        assertEquals("0d7c8d2e-1111-4a2b-9c3d-222233334444", mia.externalId());
        assertEquals("Mia Kim", mia.displayName());
        assertEquals("Mia", mia.firstName());
        assertEquals("Kim", mia.lastName());
        assertEquals("Sales", mia.department());
        assertNull(mia.email());
    }

    @Test
    void plainListFillsExternalIdAndDisplayName() throws Exception {
        RecordingSink sink = read("""
                username,firstName,lastName,email
                JGarcia,José,García,jose.garcia@north.test
                """);

        DirectoryUser jose = sink.user("JGarcia");
        assertEquals("jgarcia", jose.externalId());
        assertEquals("José García", jose.displayName());
        assertEquals(0, jose.id());
        assertEquals(0, jose.storeId());
        assertEquals("", jose.storeName());
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstHeader() throws Exception {
        Path file = folder.resolve("bom.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("username,email\nann,ann@north.test\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());

        RecordingSink sink = read(file, null);

        assertEquals("ann@north.test", sink.user("ann").email());
    }

    @Test
    void semicolonSeparatedFileKeepsCommasInValues() throws Exception {
        RecordingSink sink = read("""
                username;displayName;email
                bsmith;Smith, Bob;bob.smith@north.test
                """);

        DirectoryUser bob = sink.user("bsmith");
        assertEquals("Smith, Bob", bob.displayName());
        assertEquals("bob.smith@north.test", bob.email());
    }

    @Test
    void lineBreakInsideQuotesDoesNotShiftLaterLineNumbers() throws Exception {
        RecordingSink sink = read("""
                username,department,email
                ann,"Research
                and Development",ann@north.test
                ,Sales,nobody@north.test
                """);

        assertEquals("Research and Development", sink.user("ann").department());
        assertEquals(List.of(new ImportProblem("line 4", "username", "is missing; row skipped")), sink.problems);
    }

    @Test
    void lineBreaksAndTabsInsideAValueBecomeOneSpace() throws Exception {
        RecordingSink sink = read("username,displayName,department\nann,\"Ann \r\n Lee\",\"Lee\tAnn\"\n");

        assertEquals("Ann Lee", sink.user("ann").displayName());
        assertEquals("Lee Ann", sink.user("ann").department());
        assertEquals(List.of(), sink.problems);
    }

    @Test
    void aColumnTheHeaderNamesTwiceFailsNamingItsPlaces() throws Exception {
        Path file = write("externalId,username,EXTERNALID\n1,ann,2\n");

        ImportFailure failure = assertThrows(ImportFailure.class, () -> read(file, null));

        assertEquals("The file " + file + " has 2 columns named \"externalId\" (columns 1, 3), so which one holds"
                + " externalId is unclear; rename or remove all but one and import it again.", failure.getMessage());
    }

    @Test
    void aColumnNamedTwiceThatNoFieldReadsIsIgnored() throws Exception {
        RecordingSink sink = read("""
                username,note,email,note
                ann,first,ann@north.test,second
                """);

        assertEquals("ann@north.test", sink.user("ann").email());
    }

    @Test
    void recordWithTooFewFieldsIsReportedWithItsLineAndSkipped() throws Exception {
        RecordingSink sink = read("""
                username,firstName,email
                ann,Ann,ann@north.test
                bob,Bob
                cem,Cem,cem@north.test
                """);

        assertEquals(List.of("ann", "cem"), sink.users.stream().map(DirectoryUser::username).toList());
        assertEquals(List.of(new ImportProblem("line 3", "", "has 2 fields, the header has 3; row skipped")),
                sink.problems);
    }

    @Test
    void megabyteFieldIsDroppedAsTooLongAndTheUserKept() throws Exception {
        String department = "x".repeat(1024 * 1024);
        RecordingSink sink = read("username,department,email\nann," + department + ",ann@north.test\nbob,IT,\n");

        assertEquals("", sink.user("ann").department());
        assertEquals("ann@north.test", sink.user("ann").email());
        assertEquals("IT", sink.user("bob").department());
        assertEquals(1, sink.problems.size());
        ImportProblem problem = sink.problems.get(0);
        assertEquals("line 2", problem.location());
        assertEquals("department", problem.field());
        assertTrue(problem.reason().startsWith("is too long"), problem.reason());
    }

    @Test
    void invalidUtf8FailsNamingTheFileAndLine() throws Exception {
        Path file = folder.resolve("latin1.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("username,lastName\nann,Lee\nzoe,".getBytes(StandardCharsets.UTF_8));
        bytes.write("Ødegaard\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(file, bytes.toByteArray());

        ImportFailure failure = assertThrows(ImportFailure.class, () -> read(file, null));

        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("line 3"), failure.getMessage());
    }

    @Test
    void formulaLookingCellsAreKeptAsPlainText() throws Exception {
        RecordingSink sink = read("""
                username,displayName,department
                eve,=cmd|' /C calc'!A0,"=HYPERLINK(""http://evil.test"",""x"")"
                """);

        DirectoryUser eve = sink.user("eve");
        assertEquals("=cmd|' /C calc'!A0", eve.displayName());
        assertEquals("=HYPERLINK(\"http://evil.test\",\"x\")", eve.department());
    }

    @Test
    void laterRowsWithAnExternalIdSeenBeforeAreSkipped() throws Exception {
        RecordingSink sink = read("""
                objectGUID,sAMAccountName
                0001,ann
                0002,bob
                0001,ann.copy
                """);

        assertEquals(List.of("ann", "bob"), sink.users.stream().map(DirectoryUser::username).toList());
        assertEquals(1, sink.problems.size());
        assertEquals("line 4", sink.problems.get(0).location());
        assertEquals("externalId", sink.problems.get(0).field());
    }

    @Test
    void malformedEmailIsReportedAndTheUserKeptWithoutEmail() throws Exception {
        RecordingSink sink = read("""
                username,email
                ann,ann@localhost
                bob,Bob <bob@north.test>
                cem,cem@@north.test
                dan,dan@north.test
                """);

        assertEquals(4, sink.users.size());
        assertNull(sink.user("ann").email());
        assertNull(sink.user("bob").email());
        assertNull(sink.user("cem").email());
        assertEquals("dan@north.test", sink.user("dan").email());
        assertEquals(List.of("line 2", "line 3", "line 4"),
                sink.problems.stream().map(ImportProblem::location).toList());
        assertTrue(sink.problems.stream().allMatch(p -> p.field().equals("email")
                && p.reason().endsWith("kept as no email")), sink.problems::toString);
    }

    @Test
    void enrollmentColumnsAcceptLabelsAndEnumNamesAndReportTheRest() throws Exception {
        RecordingSink sink = read("""
                username,enrolledTypes,enrolledAt
                ann,Security Questions;sms|YUBIKEY,2025-03-01T09:30:00Z
                bob,"windows hello, Carrier pigeon",2025-03-02
                cem,,last Tuesday
                """);

        assertEquals(EnumSet.of(EnrollmentType.SECURITY_QUESTIONS, EnrollmentType.SMS, EnrollmentType.YUBIKEY),
                sink.user("ann").enrolledTypes());
        assertEquals(Instant.parse("2025-03-01T09:30:00Z"), sink.user("ann").enrolledAt());
        assertEquals(EnumSet.of(EnrollmentType.WINDOWS_HELLO), sink.user("bob").enrolledTypes());
        assertEquals(Instant.parse("2025-03-02T00:00:00Z"), sink.user("bob").enrolledAt());
        assertNull(sink.user("cem").enrolledAt());
        assertEquals(List.of("line 3 enrolledTypes", "line 4 enrolledAt"),
                sink.problems.stream().map(p -> p.location() + " " + p.field()).toList());
        assertTrue(sink.problems.get(0).reason().contains("Carrier pigeon"), sink.problems.get(0).reason());
    }

    @Test
    void explicitMappingOverridesTheAutomaticChoice() throws Exception {
        Path file = write("""
                login,mail,Work mail
                ann,ann@home.test,ann@north.test
                """);
        FieldMapping mapping = FieldMapping.csvDefault()
                .withOverrides(Map.of(UserField.USERNAME, "Login", UserField.EMAIL, "work mail"));

        RecordingSink sink = read(file, mapping);

        assertEquals("ann@north.test", sink.user("ann").email());
    }

    @Test
    void overrideNamingAMissingColumnFails() throws Exception {
        Path file = write("username,mail\nann,ann@north.test\n");
        FieldMapping mapping = FieldMapping.csvDefault().withOverrides(Map.of(UserField.EMAIL, "Work mail"));

        ImportFailure failure = assertThrows(ImportFailure.class, () -> read(file, mapping));

        assertTrue(failure.getMessage().contains("Work mail"), failure.getMessage());
    }

    static Stream<Arguments> quotesNeverClosed() {
        return Stream.of(
                Arguments.of("in the header", "#TYPE Microsoft.ActiveDirectory.Management.ADUser\nusername,\"mail\n"
                        + "ann,ann@north.test\n", 2),
                Arguments.of("in a record", "username,mail\nann,ann@north.test\nzoe,\"zoe@north.test\n", 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotesNeverClosed")
    void aQuoteNeverClosedFailsNamingTheFileAndTheLine(String where, String csv, int line) throws Exception {
        Path file = write(csv);

        ImportFailure failure = assertThrows(ImportFailure.class, () -> read(file, null));

        assertTrue(failure.getMessage().startsWith("The file " + file + " is not valid CSV near line " + line
                + ": a quoted field is not closed"), failure.getMessage());
    }

    @Test
    void fileWithoutUsernameColumnFails() throws Exception {
        Path file = write("name;phone\nAnn;555\n");

        ImportFailure failure = assertThrows(ImportFailure.class, () -> read(file, null));

        assertTrue(failure.getMessage().contains("no username column"), failure.getMessage());
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }

    @Test
    void missingFileFailsNamingIt() {
        Path file = folder.resolve("absent.csv");

        ImportFailure failure = assertThrows(ImportFailure.class, () -> read(file, null));

        assertEquals("The file " + file + " does not exist.", failure.getMessage());
    }

    @Test
    void aFolderInsteadOfAFileIsNamedAsOne() {
        ImportFailure failure = assertThrows(ImportFailure.class, () -> read(folder, null));

        assertEquals(folder + " is a folder; choose a file in it.", failure.getMessage());
    }

    @Test
    void cancellingStopsTheRead() throws Exception {
        StringBuilder csv = new StringBuilder("username\n");
        for (int i = 0; i < 100; i++) {
            csv.append("user").append(i).append('\n');
        }
        Path file = write(csv.toString());
        RecordingSink sink = new RecordingSink(3);

        assertThrows(ImportCancelled.class, () -> new CsvUserSource(file, null).read(sink));

        assertEquals(3, sink.users.size());
    }

    @Test
    void progressIsReportedEveryThousandRecordsAndAtTheEnd() throws Exception {
        StringBuilder csv = new StringBuilder("username\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("user").append(i).append('\n');
        }

        RecordingSink sink = read(csv.toString());

        assertEquals(2500, sink.users.size());
        assertEquals(List.of(1000L, 2000L, 2500L), sink.progress);
    }

    private RecordingSink read(String csv) throws IOException, ImportFailure {
        return read(write(csv), null);
    }

    private static RecordingSink read(Path file, FieldMapping mapping) throws ImportFailure {
        RecordingSink sink = new RecordingSink();
        new CsvUserSource(file, mapping).read(sink);
        return sink;
    }

    private Path write(String csv) throws IOException {
        return Files.writeString(Files.createTempFile(folder, "users", ".csv"), csv);
    }
}
