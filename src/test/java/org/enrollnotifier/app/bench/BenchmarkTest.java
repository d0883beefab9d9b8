package org.enrollnotifier.app.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark on a small store: every figure is printed and every message reaches the sink. */
class BenchmarkTest {

    @TempDir
    Path folder;

    @Test
    void aSmallRunPrintsEveryFigure() throws Exception {
        StringWriter table = new StringWriter();

        new Benchmark(new PrintWriter(table, true)).run(folder, 600, null, 0, 200, 2);

        String printed = table.toString();
        for (String figure : List.of("import", "page of 50, middle", "last / first",
                "page of 50, middle, all identity stores", "page of 50, middle, all stores, filtered",
                "search \"Nguy\"", "search \"Olivia\"", "search \"Nguy\", all identity stores",
                "status line counts", "resolve + queue, every user", "send, 2 reused connections",
                "send, naive (connection per message)", "reused / naive", "peak heap")) {
            assertTrue(printed.contains(figure), figure + " missing from:\n" + printed);
        }
        assertTrue(printed.matches("(?s).*send, 2 reused connections +\\d+ msg/s +\\d+ messages.*"), printed);
    }
}
