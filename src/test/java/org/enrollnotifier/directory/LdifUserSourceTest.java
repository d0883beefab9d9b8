package org.enrollnotifier.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.ImportProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LdifUserSourceTest {

    @TempDir
    Path folder;

    @Test
    void personEntriesWithBase64AndContinuationLinesAreImported() throws Exception {
        RecordingSink sink = read("""
                # exported from dc=north,dc=test
                dn: dc=north,dc=test
                objectClass: top
                objectClass: domain
                dc: north

                dn: uid=zodegaard,ou=People,dc=north,dc=test
                objectClass: inetOrgPerson
                uid: zodegaard
                entryUUID: 3f0e8a52-9c1b-4b6e-8d2f-5a7c9e1b2d3f
                givenName:: %s
                sn:: %s
                cn:: %s
                mail: zoe.odegaard@nor
                 th.test
                departmentNumber: Research
                enrolledTypes: Security Questions
                enrolledTypes: Authenticator

                dn: cn=Helpdesk,ou=Groups,dc=north,dc=test
                objectClass: groupOfNames
                cn: Helpdesk
                member: uid=zodegaard,ou=People,dc=north,dc=test
                """.formatted(base64("Zoë"), base64("Ødegaard"), base64("Zoë Ødegaard")));

        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.users.size());
        DirectoryUser zoe = sink.user("zodegaard");
        assertEquals("3f0e8a52-9c1b-4b6e-8d2f-5a7c9e1b2d3f", zoe.externalId());
        assertEquals("Zoë", zoe.firstName());
        assertEquals("Ødegaard", zoe.lastName());
        assertEquals("Zoë Ødegaard", zoe.displayName());
        assertEquals("zoe.odegaard@north.test", zoe.email());
        assertEquals("Research", zoe.department());
        assertEquals(EnumSet.of(EnrollmentType.SECURITY_QUESTIONS, EnrollmentType.AUTHENTICATOR), zoe.enrolledTypes());
        assertEquals(List.of(3L), sink.progress);
    }

    @Test
    void activeDirectoryObjectGuidIsShownTheWayWindowsShowsIt() throws Exception {
        byte[] storedBytes = HexFormat.of().parseHex("4e2a1c6f5d3b7e4c9f801a2b3c4d5e6f");
        RecordingSink sink = read("""
                dn: CN=Ann Lee,OU=Staff,DC=north,DC=test
                objectClass: user
                sAMAccountName: alee
                objectGUID:: %s
                """.formatted(Base64.getEncoder().encodeToString(storedBytes)));

        assertEquals("6f1c2a4e-3b5d-4c7e-9f80-1a2b3c4d5e6f", sink.user("alee").externalId());
    }

    @Test
    void entryWithoutIdentifierFallsBackToItsDn() throws Exception {
        RecordingSink sink = read("""
                dn: uid=bob,ou=People,dc=north,dc=test
                objectClass: person
                uid: bob
                cn: Bob
                """);

        assertEquals("uid=bob,ou=People,dc=north,dc=test", sink.user("bob").externalId());
    }

    @Test
    void malformedEntryIsReportedAndTheNextOneRead() throws Exception {
        RecordingSink sink = read("""
                dn: uid=broken,ou=People,dc=north,dc=test
                objectClass: inetOrgPerson
                uid: broken
                this line has no separator

                dn: uid=ann,ou=People,dc=north,dc=test
                objectClass: inetOrgPerson
                uid: ann
                cn: Ann
                """);

        assertEquals(List.of("ann"), sink.users.stream().map(DirectoryUser::username).toList());
        assertEquals(1, sink.problems.size());
        assertEquals("uid=broken,ou=People,dc=north,dc=test", sink.problems.get(0).location());
        assertEquals("is not a valid LDIF entry (The record starting at or near line number 1 contains a line that"
                + " does not begin with an attribute name followed by a colon); skipped", sink.problems.get(0).reason());
    }

    @Test
    void personWithoutUsernameIsReportedUnderItsDn() throws Exception {
        RecordingSink sink = read("""
                dn: cn=No Login,ou=People,dc=north,dc=test
                objectClass: inetOrgPerson
                cn: No Login
                sn: Login
                """);

        assertEquals(List.of(new ImportProblem("cn=No Login,ou=People,dc=north,dc=test", "username",
                "is missing; row skipped")), sink.problems);
    }

    @Test
    void missingFileFailsNamingIt() {
        Path file = folder.resolve("absent.ldif");

        ImportFailure failure = assertThrows(ImportFailure.class,
                () -> new LdifUserSource(file, null).read(new RecordingSink()));

        assertEquals("The file " + file + " does not exist.", failure.getMessage());
    }

    @Test
    void aFolderInsteadOfAFileIsNamedAsOne() {
        ImportFailure failure = assertThrows(ImportFailure.class,
                () -> new LdifUserSource(folder, null).read(new RecordingSink()));

        assertEquals(folder + " is a folder; choose a file in it.", failure.getMessage());
    }

    private RecordingSink read(String ldif) throws Exception {
        Path file = Files.writeString(folder.resolve("users.ldif"), ldif);
        RecordingSink sink = new RecordingSink();
        new LdifUserSource(file, FieldMapping.ldapDefault()).read(sink);
        return sink;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
