package org.enrollnotifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandsTest {

    @TempDir
    Path folder;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void resetOutput() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String... args) {
        CommandLine commandLine = EnrollNotifierCommand.commandLine(dir -> {
            throw new AssertionError("a command must not open the window");
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void importCsvCreatesTheStoreThenReimportsItInPlace() throws Exception {
        Path data = folder.resolve("data");
        Path csv = write("hr.csv", "Login;Given;Family;Mail\nann;Ann;Archer;ann@corp.test\nbob;Bob;Baker;bob@corp.test\n");
        assertEquals(0, run("import", "csv", csv.toString(), "--store", "HR", "--kind", "active_directory",
                "--map", "username=Login", "--map", "firstName=Given", "--map", "lastName=Family",
                "--map", "email=Mail", "--data-dir", data.toString()), err.toString());
        assertTrue(out.toString().startsWith("HR: 2 added, 0 updated, 0 removed, 0 unchanged; 0 problems."),
                out.toString());

        resetOutput();
        assertEquals(0, run("--data-dir", data.toString(), "stores"));
        assertTrue(out.toString().lines().anyMatch(line -> line.equals("HR\t2")), out.toString());

        resetOutput();
        write("hr.csv", "Login;Given;Family;Mail\nann;Ann;Archer;ann@corp.test\n");
        assertEquals(0, run("--data-dir", data.toString(), "import", "csv", csv.toString(), "--store", "HR",
                "--map", "username=Login", "--map", "firstName=Given", "--map", "lastName=Family",
                "--map", "email=Mail"), err.toString());
        assertTrue(out.toString().startsWith("HR: 0 added, 0 updated, 1 removed, 1 unchanged"), out.toString());
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
        assertEquals(0, run("--data-dir", data.toString(), "import", "ldif", ldif.toString(), "--store", "People"),
                err.toString());
        assertTrue(out.toString().startsWith("People: 1 added"), out.toString());

        resetOutput();
        Path report = write("enrolled.csv", "username,enrolledTypes,enrolledAt\nzoe,SMS;Authenticator,2026-01-02\nnobody,SMS,\n");
        assertEquals(0, run("--data-dir", data.toString(), "import", "enrollment", report.toString(),
                "--store", "People"), err.toString());
        String summary = out.toString();
        assertTrue(summary.startsWith("People: 0 added, 1 updated"), summary);
        Path saved = Path.of(summary.substring(summary.indexOf("Report: ") + 8).strip());
        List<String> rows = Files.readAllLines(saved, StandardCharsets.UTF_8);
        assertEquals(List.of("Where,Field,Problem", "nobody,,matches no user of People"), rows);

        resetOutput();
        assertEquals(0, run("--data-dir", data.toString(), "users", "--store", "People", "--filter",
                "enrolled-with:authenticator"));
        assertTrue(out.toString().contains("zoe@corp.test"), out.toString());
    }

    @Test
    void anUnreadableSourceIsExitCodeOneAndABadMappingIsExitCodeTwo() throws Exception {
        Path data = folder.resolve("data");
        assertEquals(1, run("--data-dir", data.toString(), "import", "csv", folder.resolve("none.csv").toString(),
                "--store", "X"));
        assertTrue(err.toString().contains("none.csv"), err.toString());

        resetOutput();
        Path csv = write("x.csv", "username\nann\n");
        assertEquals(2, run("--data-dir", data.toString(), "import", "csv", csv.toString(), "--store", "X",
                "--map", "shoeSize=Size"));
        assertTrue(err.toString().startsWith("--map: Unknown field 'shoeSize'"), err.toString());

        resetOutput();
        assertEquals(1, run("--data-dir", data.toString(), "import", "enrollment", csv.toString(), "--store", "Nope"));
        assertTrue(err.toString().contains("There is no identity store named \"Nope\""), err.toString());

        resetOutput();
        assertEquals(2, run("--data-dir", data.toString(), "import"));
        assertTrue(err.toString().startsWith("Name the source"), err.toString());
    }
}
