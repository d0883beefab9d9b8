package org.enrollnotifier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.enrollnotifier.app.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench}: the speed figures of the README, measured in one run on a fresh data folder. */
@Command(name = "bench", description = "Measure import, paging, search, counts, queuing and sending on a generated"
        + " identity store, in a new temporary data folder. Prints one table.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--users", paramLabel = "N", defaultValue = "1000000", description = "Users to generate. Default: ${DEFAULT-VALUE}.")
    private int users;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "20000", description = "Messages to send. Default: ${DEFAULT-VALUE}.")
    private int messages;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "SMTP connections. Default: ${DEFAULT-VALUE}.")
    private int parallel;

    @Option(names = "--smtp-host", paramLabel = "HOST", description = "SMTP server (plain SMTP). Default: a sink started on loopback.")
    private String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "25", description = "Default: ${DEFAULT-VALUE}.")
    private int smtpPort;

    @Option(names = "--keep-data", description = "Keep the benchmark's data folder (a million users take about a"
            + " gigabyte) to look at afterwards. By default it is deleted when the benchmark ends.")
    private boolean keepData;

    @Override
    public Integer call() throws Exception {
        Path folder = Files.createTempDirectory("enroll-notifier-bench");
        spec.commandLine().getErr().println("Benchmark data folder: " + folder
                + (keepData ? " (kept)" : " (deleted when the benchmark ends; --keep-data keeps it)"));
        try {
            new Benchmark(spec.commandLine().getOut()).run(folder, users, smtpHost, smtpPort, messages, parallel);
        } finally {
            if (!keepData) {
                delete(folder);
            }
        }
        return 0;
    }

    /** Deletes a folder and everything in it. */
    static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
