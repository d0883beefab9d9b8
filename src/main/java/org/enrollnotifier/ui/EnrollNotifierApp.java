package org.enrollnotifier.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.Workspace;

/**
 * The desktop application. The data folder is opened in {@link #init()}, which JavaFX runs on the
 * launcher thread, so migrations and the first start's demo data never block the window.
 */
public final class EnrollNotifierApp extends Application {

    private static final String DATA_DIR = "data-dir";
    private static final Logger LOG = Logger.getLogger(EnrollNotifierApp.class.getName());

    private Workspace workspace;
    private StartupProblem problem;
    private FxBackground queries;
    private FxBackground deliveries;
    private FxBackground imports;
    private ResponsivenessWatch responsiveness;

    /** Opens the window on the given data folder and returns when it is closed. */
    public static void launch(Path dataFolder) {
        Application.launch(EnrollNotifierApp.class, "--" + DATA_DIR + "=" + dataFolder);
    }

    @Override
    public void init() {
        Path folder = Path.of(getParameters().getNamed().get(DATA_DIR));
        try {
            workspace = Workspace.open(folder);
        } catch (StartupProblem e) {
            LOG.log(Level.SEVERE, "Cannot start on " + folder, e);
            problem = e;
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
