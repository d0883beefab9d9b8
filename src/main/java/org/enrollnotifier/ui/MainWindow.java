package org.enrollnotifier.ui;

import javafx.stage.Stage;
import org.enrollnotifier.app.UserDirectory;

/** Puts the helpdesk window on a stage and starts reading the stores. */
public final class MainWindow {

    public static final String TITLE = "Enroll Notifier";

    private MainWindow() {
    }

    public static MainViewModel show(Stage stage, UserDirectory directory, Background background) {
        MainViewModel model = new MainViewModel(directory, background);
        MainView view = new MainView(model);
        stage.setTitle(TITLE);
        stage.setScene(view.createScene());
        stage.setMinWidth(900);
        stage.setMinHeight(500);
        stage.show();
        model.start();
        return model;
    }
}
