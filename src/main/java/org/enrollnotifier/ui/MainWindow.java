package org.enrollnotifier.ui;

import javafx.stage.Stage;

/** Puts the helpdesk window on a stage, starts reading the stores, and offers to resume unsent mail. */
public final class MainWindow {

    public static final String TITLE = "Enroll Notifier";

    private MainWindow() {
    }

    public static MainViewModel show(Stage stage, Services services) {
        MainViewModel model = new MainViewModel(services.directory(), services.queries());
        MainView view = new MainView(model, services);
        stage.setTitle(TITLE);
        stage.setScene(view.createScene());
        stage.setMinWidth(900);
        stage.setMinHeight(500);
        stage.show();
        model.start();
        new NotifyFlow(stage, services).offerToResume();
        return model;
    }
}
