package org.enrollnotifier.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.enrollnotifier.app.FolderHolder;
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.Workspace;

/**
 * The desktop application. The data folder is opened on a thread of its own while JavaFX starts
 * its toolkit, so the two start-ups overlap instead of adding up, and awaited off the JavaFX
 * thread ({@link OpeningWait}), which says so in a window when an upgrade makes it long. A new
 * folder's demo stores are written once the window is shown (see {@link MainWindow}).
 */
public final class EnrollNotifierApp extends Application {

    private static final String DATA_DIR = "data-dir";
    private static final Logger LOG = Logger.getLogger(EnrollNotifierApp.class.getName());

    /** Set by {@link #launch} for the instance JavaFX creates: JavaFX takes a class, not an instance. */
    private static volatile Future<Workspace> opening;

    private Workspace workspace;
    private FxBackground queries;
    private FxBackground deliveries;
    private FxBackground imports;
    private ResponsivenessWatch responsiveness;

    /** Opens the window on the given data folder and returns when it is closed. */
    public static void launch(Path dataFolder) {
        FutureTask<Workspace> open = new FutureTask<>(
                () -> Workspace.openLeavingDemoData(dataFolder, FolderHolder.WINDOW));
        new Thread(open, "enroll-notifier-open").start();
        opening = open;
        Application.launch(EnrollNotifierApp.class, "--" + DATA_DIR + "=" + dataFolder);
    }

    @Override
    public void start(Stage stage) {
        Path dataFolder = Path.of(getParameters().getNamed().get(DATA_DIR));
        OpeningWait.start(opening, OpeningWait.PATIENCE, Platform::runLater, new OpeningWait.Steps<>() {
            private OpeningNotice notice;

            @Override
            public void showNotice() {
                notice = new OpeningNotice(dataFolder);
                notice.show();
            }

            @Override
            public void opened(Future<Workspace> done) {
                // the window first: closing the notice while no other window shows would end the application
                begin(stage, dataFolder, done);
                if (notice != null) {
                    notice.close();
                }
            }
        });
    }

    private void begin(Stage stage, Path dataFolder, Future<Workspace> done) {
        try {
            workspace = done.get();
        } catch (ExecutionException e) {
            LOG.log(Level.SEVERE, "Cannot start on " + dataFolder, e.getCause());
            cannotStart(e.getCause() instanceof StartupProblem problem ? problem.getMessage()
                    : "The data folder " + dataFolder + " could not be opened: " + e.getCause().getMessage()
                            + ". Details are in the log.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        queries = new FxBackground("enroll-notifier-queries");
        deliveries = new FxBackground("enroll-notifier-delivery");
        imports = new FxBackground("enroll-notifier-import");
        stage.setOnShown(e -> logTimeToFirstFrame());
        MainWindow.show(stage, new Services(workspace, queries, deliveries, imports, new SessionPassword()));
        responsiveness = ResponsivenessWatch.logging(Platform::runLater);
        responsiveness.start();
    }

    /** Counted from the start of the process, so starting Java and opening the data folder are in it. */
    private static void logTimeToFirstFrame() {
        ProcessHandle.current().info().startInstant().ifPresent(launch -> LOG.info("Window shown "
                + Duration.between(launch, Instant.now()).toMillis() + " ms after launch."));
    }

    private static void cannotStart(String reason) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(MainWindow.TITLE);
        alert.setHeaderText("Enroll Notifier cannot start");
        alert.setContentText(reason);
        alert.getDialogPane().setPrefWidth(560);
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (responsiveness != null) {
            responsiveness.close();
        }
        if (queries != null) {
            queries.close();
            deliveries.close();
            imports.close();
        }
        if (workspace != null) {
            workspace.close();
        }
    }
}
