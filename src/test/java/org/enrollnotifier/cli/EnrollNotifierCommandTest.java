package org.enrollnotifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.enrollnotifier.model.EnrollmentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class EnrollNotifierCommandTest {

    private final List<Path> opened = new ArrayList<>();
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = EnrollNotifierCommand.commandLine(opened::add);
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(out));
        return commandLine.execute(args);
    }

    @Test
    void withoutACommandItOpensTheWindowOnTheGivenDataFolder() {
        assertEquals(0, run("--data-dir", "some/folder"));
        assertEquals(List.of(Path.of("some/folder").toAbsolutePath()), opened);
    }

    @Test
    void anUnknownOptionIsABadArgumentThatOpensNothing() {
        assertEquals(2, run("--colour", "blue"));
        assertTrue(opened.isEmpty());
        assertTrue(err.toString().lines().findFirst().orElseThrow().contains("--colour"), err.toString());
        assertEquals(2, err.toString().lines().count(), "the error and a hint, no usage dump: " + err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stores", "users", "notify", "deliver", "history", "import", "bench"})
    void everyCommandHasTheHelpItsBadArgumentHintPointsTo(String command) {
        assertEquals(2, run(command, "--colour", "blue"));
        assertTrue(err.toString().contains("Try 'enroll-notifier " + command + " --help'"), err.toString());

        assertEquals(0, run(command, "--help"));

        assertTrue(out.toString().startsWith("Usage: enroll-notifier " + command), out.toString());
        assertTrue(opened.isEmpty());
    }

    @Test
    void notifyHelpListsTheEnrollmentTypesTheTypesOptionTakesEachOfWhichParsesBack() {
        List<String> names = new ArrayList<>();
        new TypeNames.Candidates().forEach(names::add);

        assertEquals(0, run("notify", "--help"));

        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("comma-separated list: " + String.join(", ", names) + ". Default: all."), help);
        CommandLine commandLine = EnrollNotifierCommand.commandLine(opened::add);
        assertEquals(List.of(EnrollmentType.values()),
                names.stream().map(name -> TypeNames.parseOne(commandLine, name)).toList());
    }

    @Test
    void helpDescribesTheDataFolderOption() {
        assertEquals(0, run("--help"));
        assertTrue(opened.isEmpty());
        assertTrue(out.toString().contains("--data-dir=DIR"), out.toString());
    }
}
