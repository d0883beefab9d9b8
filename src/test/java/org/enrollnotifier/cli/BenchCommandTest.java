package org.enrollnotifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bench's temporary data folder is gone when it ends, unless asked to keep it. */
class BenchCommandTest {

    private static final Pattern FOLDER = Pattern.compile("Benchmark data folder: (\\S+)");
    private static final String[] SMALL = {"bench", "--users", "600", "--messages", "200", "--parallel", "2"};

    private final CommandRun cli = new CommandRun();

    private Path printedFolder() {
        Matcher matcher = FOLDER.matcher(cli.err());
        assertTrue(matcher.find(), cli.err());
        return Path.of(matcher.group(1));
    }

    @Test
    void theDataFolderIsDeletedWhenTheBenchmarkEnds() {
        assertEquals(0, cli.run(SMALL), cli.err());

        assertTrue(cli.out().contains("reused / naive"), cli.out());
        assertFalse(Files.exists(printedFolder()), printedFolder() + " is still there");
    }

    @Test
    void keepDataLeavesTheFolderWithItsDatabase() throws IOException {
        String[] keeping = Stream.concat(Stream.of(SMALL), Stream.of("--keep-data")).toArray(String[]::new);
        assertEquals(0, cli.run(keeping), cli.err());

        Path folder = printedFolder();
        try {
            assertTrue(Files.exists(folder.resolve("data").resolve("enroll-notifier.db")), folder + " lost its database");
        } finally {
            BenchCommand.delete(folder);
        }
    }
}
