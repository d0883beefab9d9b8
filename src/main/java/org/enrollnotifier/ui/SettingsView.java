package org.enrollnotifier.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.StringProperty;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.enrollnotifier.model.SmtpSecurity;

/** The Settings dialog: SMTP server, sender, timeouts, parallel connections and the enrollment portal. */
final class SettingsView {

    static final String TITLE = "Mail settings";

    private final Stage stage = new Stage();
    private final SettingsViewModel model;
    private final GridPane form = new GridPane();
    private int row;

    SettingsView(Window owner, SettingsViewModel model) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(TITLE);
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);

        Label pickupHint = new Label("Leave the SMTP server empty to write messages to the pickup folder"
                + " (one .eml file each) instead of sending them.");
        pickupHint.setWrapText(true);
        pickupHint.getStyleClass().add("status-line");
        field("SMTP server", text("smtpHost", model.hostProperty()));
        ComboBox<SmtpSecurity> security = new ComboBox<>();
        security.setId("smtpSecurity");
        security.getItems().setAll(SmtpSecurity.values());
        security.valueProperty().bindBidirectional(model.securityProperty());
        field("Security", security);
        field("Port", text("smtpPort", model.portProperty()));
        field("User name", text("smtpUser", model.usernameProperty()));
        PasswordField password = new PasswordField();
        password.setId("smtpPassword");
        password.setPromptText("kept for this session only, never saved");
        password.textProperty().bindBidirectional(model.passwordProperty());
        field("Password", password);
        field("From name", text("fromName", model.fromNameProperty()));
        field("From address", text("fromAddress", model.fromAddressProperty()));
        field("Connect timeout (s)", text("connectTimeout", model.connectTimeoutProperty()));
        field("Read timeout (s)", text("readTimeout", model.readTimeoutProperty()));
        field("Parallel connections", text("parallelConnections", model.parallelProperty()));
        field("Enrollment portal URL", text("enrollmentUrl", model.enrollmentUrlProperty()));
        field("Messages per minute (0: no limit)", text("ratePerMinute", model.ratePerMinuteProperty()));
        field("Attempts per message", text("maxAttempts", model.maxAttemptsProperty()));
        field("Keep retrying for (hours)", text("retryHours", model.retryHoursProperty()));

        Label problems = new Label();
        problems.setId("settingsProblems");
        problems.getStyleClass().add("problem");
        problems.setWrapText(true);
        problems.textProperty().bind(model.problemsProperty());

        Button test = new Button("Test connection");
        test.setId("testConnection");
        test.setOnAction(e -> model.testConnection());
        TextField testAddress = new TextField();
        testAddress.setId("testAddress");
        testAddress.setPromptText("address for a test message");
        Button sendTest = new Button("Send test message to…");
        sendTest.setId("sendTestMessage");
        sendTest.setOnAction(e -> model.sendTestMessage(testAddress.getText()));
        HBox checks = new HBox(8, test, sendTest, testAddress);
        HBox.setHgrow(testAddress, Priority.ALWAYS);
        Label outcome = new Label();
        outcome.setId("checkOutcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.outcomeProperty());

        Button save = new Button("Save");
        save.setId("saveSettings");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.problemsProperty().isNotEmpty());
        save.setOnAction(e -> model.save(stage::close));
        Button cancel = new Button("Cancel");
        cancel.setId("cancelSettings");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(10, save, cancel);
        buttons.setAlignment(Pos.BOTTOM_RIGHT);
        VBox.setVgrow(buttons, Priority.ALWAYS);

        VBox root = new VBox(10, pickupHint, form, problems, checks, outcome, buttons);
        root.setPadding(new Insets(14));
        Scene scene = ScreenFit.scene(root, 680, 700, owner);
        scene.getStylesheets().add(SettingsView.class.getResource("main.css").toExternalForm());
        stage.setScene(scene);
    }

    void show() {
        stage.show();
        model.load();
    }

    private void field(String label, Node control) {
        form.addRow(row++, new Label(label), control);
    }

    private static TextField text(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(28);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
