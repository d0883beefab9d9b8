package org.enrollnotifier.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.enrollnotifier.app.DataFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code enroll-notifier [--data-dir DIR]}: without a command, opens the window on the data folder. */
@Command(name = "enroll-notifier", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Find users who have not enrolled in self-service authentication and ask them to enroll."
                + " Without a command, opens the window.")
public final class EnrollNotifierCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Data folder (database, log, pickup folder). Default: $" + DataFolder.HOME_VARIABLE
                    + ", else the per-user data folder of the platform.")
    private Path dataDir;

    private final Consumer<Path> openWindow;

    /** @param openWindow opens the window on a data folder; the window lives in a layer above this one */
    public EnrollNotifierCommand(Consumer<Path> openWindow) {
        this.openWindow = openWindow;
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
