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
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.Workspace;

/**
 * The desktop application. The data folder is opened on a thread of its own while JavaFX starts
 * its toolkit, and awaited in {@link #init()}, which JavaFX runs on the launcher thread once the
 * toolkit is up: migrations never block the window, and the two start-ups overlap instead of
 * adding up. A new folder's demo stores are written once the window is shown (see {@link MainWindow}).
 */
public final class EnrollNotifierApp extends Application {

    private static final String DATA_DIR = "data-dir";
    private static final Logger LOG = Logger.getLogger(EnrollNotifierApp.class.getName());

    /** Set by {@link #launch} for the instance JavaFX creates: JavaFX takes a class, not an instance. */
    private static volatile Future<Workspace> opening;

    private Workspace workspace;
    private StartupProblem problem;
    private FxBackground queries;
    private FxBackground deliveries;
    private FxBackground imports;
    private ResponsivenessWatch responsiveness;

    /** Opens the window on the given data folder and returns when it is closed. */
    public static void launch(Path dataFolder) {
        FutureTask<Workspace> open = new FutureTask<>(() -> Workspace.openLeavingDemoData(dataFolder));
        new Thread(open, "enroll-notifier-open").start();
        opening = open;
        Application.launch(EnrollNotifierApp.class, "--" + DATA_DIR + "=" + dataFolder);
    }

    @Override
    public void init() throws InterruptedException {
        try {
            workspace = opening.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof StartupProblem startupProblem)) {
                throw new IllegalStateException(e.getCause());
            }
            LOG.log(Level.SEVERE, "Cannot start on " + getParameters().getNamed().get(DATA_DIR), startupProblem);
            problem = startupProblem;
        }
    }

    @Override
    public void start(Stage stage) {
        if (problem != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setTitle(MainWindow.TITLE);
            alert.setHeaderText("Enroll Notifier cannot start");
            alert.setContentText(problem.getMessage());
            alert.getDialogPane().setPrefWidth(560);
            alert.showAndWait();
            Platform.exit();
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
