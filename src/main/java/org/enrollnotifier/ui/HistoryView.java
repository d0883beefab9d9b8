package org.enrollnotifier.ui;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.NotificationSummary;

/** The Sent notifications window: every notification, and every recipient's outcome for the selected one. */
final class HistoryView {

    static final String TITLE = "Sent notifications";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private final Stage stage = new Stage();
    private final HistoryViewModel model;

    /** @param send sends what is queued for a notification, in a delivery window */
    HistoryView(Window owner, HistoryViewModel model, LongConsumer send) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle(TITLE);

        TableView<NotificationSummary> notifications = new TableView<>(model.notifications());
        notifications.setId("notifications");
        notifications.setPlaceholder(new Label("No notification has been sent yet."));
        notifications.getColumns().add(Columns.<NotificationSummary>text("No.", 50, n -> Long.toString(n.id())));
        notifications.getColumns().add(Columns.<NotificationSummary>text("Created", 130, n -> WHEN.format(n.createdAt())));
        notifications.getColumns().add(Columns.<NotificationSummary>text("Operator", 90, NotificationSummary::operator));
        notifications.getColumns().add(Columns.<NotificationSummary>text("Recipients", 220, NotificationSummary::audience));
        notifications.getColumns().add(Columns.<NotificationSummary>text("Subject", 220, NotificationSummary::subject));
        notifications.getColumns().add(Columns.<NotificationSummary>text("Types", 160, n -> n.types().stream()
                .map(EnrollmentType::label).collect(Collectors.joining(", "))));
        notifications.getColumns().add(Columns.<NotificationSummary>text("Sent", 60,
                n -> CountText.number(n.counts().sent())));
        notifications.getColumns().add(Columns.<NotificationSummary>text("Failed", 60,
                n -> CountText.number(n.counts().failed())));
        notifications.getColumns().add(Columns.<NotificationSummary>text("Pending", 65,
                n -> CountText.number(n.counts().left())));
        notifications.setPrefHeight(200);
        notifications.setMinHeight(140);
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(notifications.getSelectionModel().getSelectedItem())) {
                notifications.getSelectionModel().select(now);
            }
        });
        notifications.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });

        ComboBox<DeliveryState> filter = new ComboBox<>();
        filter.setId("stateFilter");
        filter.getItems().add(null);
        filter.getItems().addAll(DeliveryState.values());
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(DeliveryState state) {
                return state == null ? "All recipients" : state.label();
            }

            @Override
            public DeliveryState fromString(String text) {
                return null;
            }
        });
        filter.valueProperty().bindBidirectional(model.stateFilterProperty());
        Button retry = new Button("Retry failed");
        retry.setId("retryFailed");
        retry.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
                || model.selectedProperty().get().counts().failed() == 0, model.selectedProperty()));
        retry.setOnAction(e -> model.retryFailed(send));
        Button export = new Button("Export…");
        export.setId("exportOutcomes");
        export.disableProperty().bind(model.selectedProperty().isNull());
        Label message = new Label();
        message.setId("historyMessage");
        message.textProperty().bind(model.messageProperty());
        export.setOnAction(e -> export());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.load());
        HBox controls = new HBox(8, new Label("Show"), filter, retry, export, refresh, message);
        controls.setAlignment(Pos.CENTER_LEFT);

        TableView<DeliveryOutcome> outcomes = new TableView<>(model.outcomes());
        outcomes.setId("outcomes");
        Label noOutcomes = new Label();
        noOutcomes.setId("noOutcomes");
        noOutcomes.textProperty().bind(Bindings.when(model.selectedProperty().isNull())
                .then("Select a notification to see its recipients.").otherwise("No recipients in this state."));
        outcomes.setPlaceholder(noOutcomes);
        outcomes.getColumns().add(Columns.<DeliveryOutcome>text("Name", 170, DeliveryOutcome::displayName));
        outcomes.getColumns().add(Columns.<DeliveryOutcome>text("Address", 210, DeliveryOutcome::address));
        outcomes.getColumns().add(Columns.<DeliveryOutcome>text("Identity store", 170, DeliveryOutcome::storeName));
        outcomes.getColumns().add(Columns.<DeliveryOutcome>text("State", 100, o -> o.state().label()));
        outcomes.getColumns().add(Columns.<DeliveryOutcome>text("Attempts", 70, o -> Integer.toString(o.attempts())));
        outcomes.getColumns().add(Columns.<DeliveryOutcome>text("Last attempt", 130,
                o -> o.lastAttemptAt() == null ? "" : WHEN.format(o.lastAttemptAt())));
        outcomes.getColumns().add(Columns.<DeliveryOutcome>text("Server reply", 300, DeliveryOutcome::lastReply));
        outcomes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(outcomes, Priority.ALWAYS);

        Button close = new Button("Close");
        close.setId("closeHistory");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());

        VBox root = new VBox(10, notifications, controls, outcomes,
                ClosingRow.of(close, PageControls.of("outcome", model.outcomePages())));
        root.setPadding(new Insets(14));
        Scene scene = ScreenFit.scene(root, 1100, 680, owner);
        scene.getStylesheets().add(HistoryView.class.getResource("main.css").toExternalForm());
        stage.setScene(scene);
    }

    void show() {
        stage.show();
        model.load();
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export outcomes");
        chooser.setInitialFileName("outcomes-" + model.selectedProperty().get().id() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            model.export(file.toPath());
        }
    }
}
