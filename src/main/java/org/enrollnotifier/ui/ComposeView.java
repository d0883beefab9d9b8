package org.enrollnotifier.ui;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.enrollnotifier.model.LeftOutUser;
import org.enrollnotifier.model.Recipient;

/** The Compose Email dialog: recipients (read-only), subject, enrollment types, message and preview. */
final class ComposeView {

    static final String TITLE = "Compose email";
    /** What the preview's recipient chooser asks for before it grows to fill its row. */
    private static final double PREVIEW_CHOOSER_WIDTH = 240;

    private final ComposeViewModel model;
    private final Stage stage = new Stage();
    private final Label exportOutcome = new Label();

    /** @param onQueued called with the queued notification's id, after the dialog closed */
    ComposeView(Window owner, ComposeViewModel model, java.util.function.LongConsumer onQueued) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(TITLE);
        stage.setOnHidden(e -> model.close());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.setPadding(new Insets(14));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);

        form.addRow(0, new Label("Recipients"), recipientsPane());
        form.addRow(1, new Label("Subject"), subjectField());
        form.addRow(2, new Label("Enrollment types"), typesField());
        form.addRow(3, new Label("Message"), messageField());
        form.addRow(4, new Label("Preview"), previewPane());

        Button notify = new Button("Notify");
        notify.setId("notify");
        notify.setDefaultButton(true);
        notify.disableProperty().bind(model.canNotifyProperty().not());
        notify.setOnAction(e -> model.notifyRecipients(id -> {
            stage.close();
            onQueued.accept(id);
        }));
        Button cancel = new Button("Cancel");
        cancel.setId("cancelCompose");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Label problem = new Label();
        problem.setId("composeProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problemProperty());
        problem.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, problem, spacer, notify, cancel);
        buttons.getStyleClass().add("footer");

        BorderPane root = new BorderPane(form);
        root.setBottom(buttons);
        Scene scene = ScreenFit.scene(root, 900, 820, owner);
        scene.getStylesheets().add(ComposeView.class.getResource("main.css").toExternalForm());
        stage.setScene(scene);
    }

    void show() {
        stage.show();
        model.start();
    }

    private VBox recipientsPane() {
        Label count = new Label();
        count.setId("recipientCount");
        count.getStyleClass().add("section-title");
        count.textProperty().bind(model.recipientSummaryProperty());

        ListView<Recipient> list = new ListView<>(model.recipients());
        list.setId("recipientList");
        list.setPrefHeight(150);
        list.setCellFactory(view -> textCell(recipient -> recipient.user().displayName() + " ‹" + recipient.address() + "›"));
        list.setFocusTraversable(true);
        HBox listPages = PageControls.of("recipient", model.recipientPages());

        Label leftOutSummary = new Label();
        leftOutSummary.setId("leftOutSummary");
        leftOutSummary.textProperty().bind(model.leftOutSummaryProperty());
        leftOutSummary.setWrapText(true);
        ListView<LeftOutUser> leftOut = new ListView<>(model.leftOut());
        leftOut.setId("leftOutList");
        leftOut.setPrefHeight(100);
        leftOut.setCellFactory(view -> textCell(left -> left.user().displayName()
                + (left.user().email() == null ? "" : " ‹" + left.user().email() + "›") + " — " + left.reason().label()));
        TitledPane leftOutPane = new TitledPane("Left out",
                new VBox(4, leftOut, PageControls.of("leftOut", model.leftOutPages())));
        leftOutPane.setExpanded(false);
        leftOutPane.disableProperty().bind(Bindings.isEmpty(model.leftOut()));

        Button export = new Button("Export…");
        export.setId("exportRecipients");
        export.disableProperty().bind(model.resolvingProperty());
        export.setOnAction(e -> export());
        exportOutcome.setId("exportOutcome");
        HBox header = new HBox(10, count, export, exportOutcome);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(6, header, list, listPages, leftOutSummary, leftOutPane);
    }

    private VBox subjectField() {
        TextField subject = new TextField();
        subject.setId("subject");
        subject.textProperty().bindBidirectional(model.subjectProperty());
        return withProblem(subject, model.subjectProblemProperty(), "subjectProblem");
    }

    private VBox typesField() {
        EnrollmentTypePicker picker = new EnrollmentTypePicker(model.types());
        return withProblem(picker.node(), model.typesProblemProperty(), "typesProblem");
    }

    private VBox messageField() {
        TextArea message = new TextArea();
        message.setId("message");
        message.setWrapText(true);
        message.setPrefRowCount(9);
        message.textProperty().bindBidirectional(model.messageProperty());
        Label hint = new Label("Placeholders: {firstName} {lastName} {displayName} {username} {email} {identityStore}"
                + " {enrollmentTypes} {enrollmentUrl}");
        hint.setId("placeholderHint");
        hint.getStyleClass().add("status-line");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = withProblem(message, model.messageProblemProperty(), "messageProblem");
        box.getChildren().add(1, hint);
        return box;
    }

    private VBox previewPane() {
        ComboBox<Recipient> who = new ComboBox<>(model.recipients());
        who.setId("previewRecipient");
        who.setPromptText("Recipient");
        who.valueProperty().bindBidirectional(model.previewRecipientProperty());
        who.setConverter(new StringConverter<>() {
            @Override
            public String toString(Recipient recipient) {
                return recipient == null ? "" : recipient.user().displayName() + " ‹" + recipient.address() + "›";
            }

            @Override
            public Recipient fromString(String text) {
                return null;
            }
        });
        TextArea preview = new TextArea();
        preview.setId("preview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(7);
        preview.textProperty().bind(model.previewTextProperty());
        // As wide as the row gives, where a combo box sizes itself by laying out every recipient of the page
        who.setPrefWidth(PREVIEW_CHOOSER_WIDTH);
        who.setMaxWidth(Double.MAX_VALUE);
        HBox chooser = new HBox(8, new Label("As received by"), who);
        HBox.setHgrow(who, Priority.ALWAYS);
        chooser.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(6, chooser, preview);
    }

    private static VBox withProblem(javafx.scene.Node field, javafx.beans.value.ObservableStringValue problem,
                                    String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("problem");
        label.textProperty().bind(problem);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        label.setWrapText(true);
        // on a short screen the text areas give way, never the words under them
        label.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(4, field, label);
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export recipients");
        chooser.setInitialFileName("recipients.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            model.exportTo(file.toPath(), exportOutcome::setText);
        }
    }

    private static <T> ListCell<T> textCell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }
}
