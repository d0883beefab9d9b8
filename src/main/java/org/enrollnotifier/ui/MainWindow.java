package org.enrollnotifier.ui;

import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.enrollnotifier.app.WindowPreferences;
import org.enrollnotifier.model.WindowState;

/**
 * Puts the helpdesk window on a stage as the operator last left it, writes a new data folder's demo
 * stores in the background, starts reading the stores, warms Compose up once the first page is
 * shown, and offers to resume unsent mail. Its size,
 * position, store and page size are saved when it closes.
 */
public final class MainWindow {

    public static final String TITLE = "Enroll Notifier";
    private static final Logger LOG = Logger.getLogger(MainWindow.class.getName());

    private MainWindow() {
    }

    public static MainViewModel show(Stage stage, Services services) {
        WindowPreferences preferences = services.windowPreferences();
        WindowState saved = preferences.load();
        // first on the queries' thread, so the window's first reads come after it and find the demo stores
        services.queries().run(() -> {
            services.workspace().writeDemoDataIfNew();
            return null;
        }, written -> { }, failure -> LOG.log(Level.SEVERE, "Could not write the demo identity stores", failure));
        MainViewModel model = new MainViewModel(services.directory(), services.queries());
        model.restore(saved.storeName(), saved.pageSize());
        MainView view = new MainView(model, services);
        stage.setTitle(TITLE);
        stage.setScene(view.createScene());
        stage.setMinWidth(900);
        stage.setMinHeight(500);
        WindowPlacement.apply(stage, saved.bounds());
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> remember(stage, model, preferences));
        stage.show();
        model.start();
        DialogWarmUp.afterFirstPage(model.loadingProperty());
        new NotifyFlow(stage, services).offerToResume();
        return model;
    }

    /** Failing to remember the window must not stop the application from closing. */
    private static void remember(Stage stage, MainViewModel model, WindowPreferences preferences) {
        try {
            preferences.save(new WindowState(WindowPlacement.of(stage), model.selectedStoreName(),
                    OptionalInt.of(model.pageSizeProperty().get())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remember the window's size and position", e);
        }
    }
}
