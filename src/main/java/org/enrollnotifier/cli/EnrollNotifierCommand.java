package org.enrollnotifier.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.enrollnotifier.app.DataFolder;
import org.enrollnotifier.app.OperatorLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code enroll-notifier [--data-dir DIR]}: without a command, opens the window on the data folder.
 * Every command has {@code --help}, which a bad argument's hint points to.
 */
@Command(name = "enroll-notifier", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        subcommands = {StoresCommand.class, UsersCommand.class, NotifyCommand.class, DeliverCommand.class,
            HistoryCommand.class, ImportCommand.class, BenchCommand.class},
        description = "Find users who have not enrolled in self-service authentication and ask them to enroll."
                + " Without a command, opens the window.")
public final class EnrollNotifierCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data folder (database, log, pickup folder). Default: $" + DataFolder.HOME_VARIABLE
                    + ", else the per-user data folder of the platform.")
    private Path dataDir;

    static final int FAILED = 1;
    private static final Logger LOG = Logger.getLogger(EnrollNotifierCommand.class.getName());

    private final Consumer<Path> openWindow;

    /** @param openWindow opens the window on a data folder; the window lives in a layer above this one */
    public EnrollNotifierCommand(Consumer<Path> openWindow) {
        this.openWindow = openWindow;
    }

    /**
     * The command line as the operator meets it: a bad argument is one line and exit code 2, a
     * failure is one sentence and exit code 1; the technical detail goes to the log, never a stack trace.
     */
    public static CommandLine commandLine(Consumer<Path> openWindow) {
        OperatorLog.keepOffConsole();
        CommandLine commandLine = new CommandLine(new EnrollNotifierCommand(openWindow));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for the options.");
            return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            LOG.log(Level.SEVERE, "Command failed", e);
            failed.getErr().println(e.getMessage() == null ? "The command failed; details are in the log file."
                    : e.getMessage());
            return FAILED;
        });
        return commandLine;
    }

    Path dataFolder() {
        return dataDir == null ? DataFolder.fromEnvironment() : dataDir.toAbsolutePath();
    }

    @Override
    public Integer call() {
        openWindow.accept(dataFolder());
        return 0;
    }
}
