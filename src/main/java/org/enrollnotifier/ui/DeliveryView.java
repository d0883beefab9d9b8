package org.enrollnotifier.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.enrollnotifier.model.FailedDelivery;

/**
 * The background mail task's window. Not modal: the operator keeps browsing while it sends.
 */
final class DeliveryView {

    static final String TITLE = "Sending notification";

    private final Stage stage = new Stage();

    DeliveryView(Window owner, DeliveryViewModel model) {
        stage.initOwner(owner);
        stage.setTitle(TITLE + " #" + model.notificationId());

        ProgressBar bar = new ProgressBar();
        bar.setId("deliveryProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label counts = label("deliveryCounts", model.countsTextProperty());
        Label rate = label("deliveryRate", model.rateTextProperty());
        rate.getStyleClass().add("status-line");

        Button pause = new Button("Pause");
        pause.setId("pauseDelivery");
        pause.setOnAction(e -> model.pause());
        pause.disableProperty().bind(model.runningProperty().not().or(model.pausedProperty()));
        Button resume = new Button("Resume");
        resume.setId("resumeDelivery");
        resume.setOnAction(e -> model.resume());
        resume.disableProperty().bind(model.pausedProperty().not().and(model.resumableProperty().not()));
        Button cancel = new Button("Cancel sending");
        cancel.setId("cancelDelivery");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        Button close = new Button("Close");
        close.setId("closeDelivery");
        close.setOnAction(e -> stage.close());
        close.disableProperty().bind(model.runningProperty());
        HBox buttons = new HBox(10, pause, resume, cancel);

        Label summary = label("deliverySummary", model.summaryProperty());
        summary.setWrapText(true);

        TableView<FailedDelivery> failures = new TableView<>(model.failures());
        failures.setId("failedDeliveries");
        failures.setPlaceholder(new Label("No failed recipients."));
        failures.getColumns().add(Columns.text("Name", 160, FailedDelivery::displayName));
        failures.getColumns().add(Columns.text("Address", 220, FailedDelivery::address));
        failures.getColumns().add(Columns.text("Server reply", 320, FailedDelivery::reply));
        failures.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        failures.setPrefHeight(220);
        VBox.setVgrow(failures, Priority.ALWAYS);

        VBox root = new VBox(10, bar, counts, rate, buttons, summary, failures, ClosingRow.of(close));
        // only the table gives way when the window is short; the progress and its words always show
        root.getChildren().stream().filter(node -> node != failures)
                .forEach(node -> ((Region) node).setMinHeight(Region.USE_PREF_SIZE));
        root.setPadding(new Insets(14));
        Scene scene = ScreenFit.scene(root, 720, 420, owner);
        scene.getStylesheets().add(DeliveryView.class.getResource("main.css").toExternalForm());
        stage.setScene(scene);
        // closing the window while it sends would hide a running task: ask the operator to cancel or wait
        stage.setOnCloseRequest(e -> {
            if (model.runningProperty().get()) {
                e.consume();
            }
        });
    }

    void show() {
        stage.show();
    }

    private static Label label(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }
}
