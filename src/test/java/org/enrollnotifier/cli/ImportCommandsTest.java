package org.enrollnotifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandsTest {

    @TempDir
    Path folder;
    private final CommandRun cli = new CommandRun();



    private Path write(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void importCsvCreatesTheStoreThenReimportsItInPlace() throws Exception {
        Path data = folder.resolve("data");
        Path csv = write("hr.csv", "Login;Given;Family;Mail\nann;Ann;Archer;ann@corp.test\nbob;Bob;Baker;bob@corp.test\n");
        assertEquals(0, cli.run("import", "csv", csv.toString(), "--store", "HR", "--kind", "active_directory",
                "--map", "username=Login", "--map", "firstName=Given", "--map", "lastName=Family",
                "--map", "email=Mail", "--data-dir", data.toString()), cli.err());
        assertTrue(cli.out().startsWith("HR: 2 added, 0 updated, 0 removed, 0 unchanged; 0 problems."),
                cli.out());

        cli.reset();
        assertEquals(0, cli.run("--data-dir", data.toString(), "stores"));
        assertTrue(cli.out().lines().anyMatch(line -> line.equals("HR\t2")), cli.out());

        cli.reset();
        write("hr.csv", "Login;Given;Family;Mail\nann;Ann;Archer;ann@corp.test\n");
        assertEquals(0, cli.run("--data-dir", data.toString(), "import", "csv", csv.toString(), "--store", "HR",
                "--map", "username=Login", "--map", "firstName=Given", "--map", "lastName=Family",
                "--map", "email=Mail"), cli.err());
        assertTrue(cli.out().startsWith("HR: 0 added, 0 updated, 1 removed, 1 unchanged"), cli.out());
    }

    @Test
    void importLdifAndEnrollmentReportTheirProblemsInAReport() throws Exception {
        Path data = folder.resolve("data");
        Path ldif = write("people.ldif", """
                dn: uid=zoe,ou=people,dc=corp,dc=test
                objectClass: top
                objectClass: person
                objectClass: organizationalPerson
                objectClass: inetOrgPerson
                uid: zoe
                givenName: Zoe
                sn: Odegaard
                cn: Zoe Odegaard
                mail: zoe@corp.test

                """);
        assertEquals(0, cli.run("--data-dir", data.toString(), "import", "ldif", ldif.toString(), "--store", "People"),
                cli.err());
        assertTrue(cli.out().startsWith("People: 1 added"), cli.out());

        cli.reset();
        Path report = write("enrolled.csv", "username,enrolledTypes,enrolledAt\nzoe,SMS;Authenticator,2026-01-02\nnobody,SMS,\n");
        assertEquals(0, cli.run("--data-dir", data.toString(), "import", "enrollment", report.toString(),
                "--store", "People"), cli.err());
        String summary = cli.out();
        assertTrue(summary.startsWith("People: enrollment updated for 1 user, 0 unchanged; 1 problem. Report: "), summary);
        Path saved = Path.of(summary.substring(summary.indexOf("Report: ") + 8).strip());
        List<String> rows = Files.readAllLines(saved, StandardCharsets.UTF_8);
        assertEquals(List.of("Where,Field,Problem", "nobody,,matches no user of People"), rows);

        cli.reset();
        assertEquals(0, cli.run("--data-dir", data.toString(), "users", "--store", "People", "--filter",
                "enrolled-with:authenticator"));
        assertTrue(cli.out().contains("zoe@corp.test"), cli.out());
    }

    @Test
    void anUnreadableSourceIsExitCodeOneAndABadMappingIsExitCodeTwo() throws Exception {
        Path data = folder.resolve("data");
        assertEquals(1, cli.run("--data-dir", data.toString(), "import", "csv", folder.resolve("none.csv").toString(),
                "--store", "X"));
        assertTrue(cli.err().contains("none.csv"), cli.err());

        cli.reset();
        Path csv = write("x.csv", "username\nann\n");
        assertEquals(2, cli.run("--data-dir", data.toString(), "import", "csv", csv.toString(), "--store", "X",
                "--map", "shoeSize=Size"));
        assertTrue(cli.err().startsWith("--map: Unknown field 'shoeSize'"), cli.err());

        cli.reset();
        assertEquals(1, cli.run("--data-dir", data.toString(), "import", "enrollment", csv.toString(), "--store", "Nope"));
        assertTrue(cli.err().contains("There is no identity store named \"Nope\""), cli.err());

        cli.reset();
        assertEquals(2, cli.run("--data-dir", data.toString(), "import"));
        assertTrue(cli.err().startsWith("Name the source"), cli.err());
    }
}
