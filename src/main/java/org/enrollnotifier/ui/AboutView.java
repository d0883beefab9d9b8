package org.enrollnotifier.ui;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.enrollnotifier.app.AppVersion;
import org.enrollnotifier.app.OperatorLog;

/**
 * The About dialog: the version, and where this session keeps its data and writes its log, which
 * is what a helpdesk colleague asks for first when something went wrong.
 */
final class AboutView {

    static final String TITLE = "About Enroll Notifier";

    private final Stage stage = new Stage();

    AboutView(Window owner, Path dataFolder) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(TITLE);
        stage.setResizable(false);

        Label name = new Label(MainWindow.TITLE);
        name.getStyleClass().add("section-title");
        Label purpose = new Label("Find users who have not enrolled in self-service authentication"
                + " and ask them to enroll.");
        purpose.setWrapText(true);

        GridPane facts = new GridPane();
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        facts.getColumnConstraints().add(labels);
        facts.setHgap(10);
        facts.setVgap(8);
        facts.addRow(0, new Label("Version"), copyable("aboutVersion", AppVersion.current()));
        facts.addRow(1, new Label("Data folder"), copyable("aboutDataFolder", dataFolder.toString()));
        facts.addRow(2, new Label("Log file"),
                copyable("aboutLogFile", OperatorLog.currentFile(dataFolder).toString()));

        Button close = new Button("Close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(10, name, purpose, facts, buttons);
        root.setPadding(new Insets(14));
        root.setPrefWidth(620);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(AboutView.class.getResource("main.css").toExternalForm());
        stage.setScene(scene);
    }

    void show() {
        stage.show();
    }

    /** Read-only but selectable, so the operator can paste the path into a ticket or a file manager. */
    private static TextField copyable(String id, String value) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setEditable(false);
        field.setPrefColumnCount(40);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return field;
    }
}
