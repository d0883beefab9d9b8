package org.enrollnotifier.ui;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The small window shown while a data folder takes long to open: an upgrade to this version's schema. */
final class OpeningNotice {

    private final Stage stage = new Stage();

    OpeningNotice(Path dataFolder) {
        Label heading = new Label("Opening " + dataFolder);
        heading.setId("openingHeading");
        heading.setStyle("-fx-font-weight: bold");
        Label detail = new Label("A data folder written by an earlier version is upgraded once, in place."
                + " With many users this takes a while; the window opens when it is done.");
        detail.setWrapText(true);
        detail.setPrefWidth(420);
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(36, 36);
        HBox content = new HBox(16, working, new VBox(8, heading, detail));
        content.setPadding(new Insets(20));
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(new Scene(content));
        stage.setResizable(false);
    }

    void show() {
        stage.show();
    }

    boolean isShowing() {
        return stage.isShowing();
    }

    void close() {
        stage.close();
    }
}
