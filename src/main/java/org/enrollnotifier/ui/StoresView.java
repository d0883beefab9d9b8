package org.enrollnotifier.ui;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.enrollnotifier.model.ImportProblem;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.StoreSummary;

/** The Identity stores dialog: import from CSV, LDIF or LDAP, re-import, rename, delete. */
final class StoresView {

    static final String TITLE = "Identity stores";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private final StoresViewModel model;
    private final Stage stage = new Stage();
    private final TableView<StoreSummary> table = new TableView<>();

    StoresView(Window owner, StoresViewModel model) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(TITLE);

        table.setId("storesTable");
        table.setItems(model.stores());
        table.setPlaceholder(new Label("No identity stores. Import one from a CSV or LDIF file, or from LDAP."));
        table.getColumns().add(Columns.<StoreSummary>text("Name", 240, s -> s.store().name()));
        table.getColumns().add(Columns.text("Kind", 130, s -> s.store().kind().label()));
        table.getColumns().add(Columns.text("Source", 260, s -> s.store().source()));
        table.getColumns().add(Columns.text("Users", 80, s -> CountText.number(s.userCount())));
        table.getColumns().add(Columns.text("Last import", 140,
                s -> s.store().lastImport() == null ? "" : WHEN.format(s.store().lastImport())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(220);
        table.setMinHeight(160);
        // the stores take the room an import's problems leave, and share it with them
        VBox.setVgrow(table, Priority.ALWAYS);

        Button csv = button("importCsv", "Import CSV…", this::importCsv);
        Button ldif = button("importLdif", "Import LDIF…", this::importLdif);
        Button ldap = button("importLdap", "Import from LDAP…", this::importLdap);
        Button reimport = button("reimport", "Re-import…", this::reimport);
        Button rename = button("renameStore", "Rename…", this::rename);
        Button delete = button("deleteStore", "Delete…", this::delete);
        Button enrollment = button("importEnrollment", "Import enrollment…", this::importEnrollment);
        var nothingSelected = table.getSelectionModel().selectedItemProperty().isNull();
        reimport.disableProperty().bind(nothingSelected.or(model.busyProperty()));
        rename.disableProperty().bind(nothingSelected.or(model.busyProperty()));
        delete.disableProperty().bind(nothingSelected.or(model.busyProperty()));
        enrollment.disableProperty().bind(nothingSelected.or(model.busyProperty()));
        csv.disableProperty().bind(model.busyProperty());
        ldif.disableProperty().bind(model.busyProperty());
        ldap.disableProperty().bind(model.busyProperty());
        HBox actions = new HBox(8, csv, ldif, ldap, new Region(), reimport, enrollment, rename, delete);
        HBox.setHgrow(actions.getChildren().get(3), Priority.ALWAYS);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(18, 18);
        Label progress = new Label();
        progress.setId("importProgress");
        progress.textProperty().bind(model.progressProperty());
        Button cancel = button("cancelImport", "Cancel import", model::cancel);
        HBox running = new HBox(8, spinner, progress, cancel);
        running.visibleProperty().bind(model.importingProperty());
        running.managedProperty().bind(running.visibleProperty());

        Label outcome = new Label();
        outcome.setId("importOutcome");
        outcome.setWrapText(true);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        outcome.textProperty().bind(model.outcomeProperty());

        TableView<ImportProblem> problems = new TableView<>(model.problems());
        problems.setId("importProblems");
        problems.setPlaceholder(new Label("No problems."));
        problems.getColumns().add(Columns.text("Where", 160, ImportProblem::location));
        problems.getColumns().add(Columns.text("Field", 110, ImportProblem::field));
        problems.getColumns().add(Columns.text("Problem", 380, ImportProblem::reason));
        problems.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        problems.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        VBox.setVgrow(problems, Priority.ALWAYS);

        Button close = button("closeStores", "Close", stage::close);
        close.setCancelButton(true);
        VBox root = new VBox(10, table, actions, running, outcome, problems, ClosingRow.of(close));
        root.setPadding(new Insets(14));
        Scene scene = ScreenFit.scene(root, 900, 620, owner);
        scene.getStylesheets().add(StoresView.class.getResource("main.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> model.cancel());
    }

    void show() {
        stage.show();
        model.load();
    }

    private void importCsv() {
        chooseFile("CSV files", "*.csv").ifPresent(file -> askName(file).ifPresent(name ->
                askKind(StoreKind.CSV).ifPresent(kind -> model.importCsv(file, name, kind, Map.of()))));
    }

    private void importLdif() {
        chooseFile("LDIF files", "*.ldif", "*.txt").ifPresent(file -> askName(file).ifPresent(name ->
                model.importLdif(file, name)));
    }

    private void importLdap() {
        new LdapImportDialog(stage).ask().ifPresent(request -> model.importLdap(request.query(), request.storeName()));
    }

    /** Reads the chosen store's source again; the operator picks the file, as it may have moved. */
    private void reimport() {
        StoreSummary selected = table.getSelectionModel().getSelectedItem();
        String name = selected.store().name();
        if (selected.store().source().startsWith("ldap")) {
            new LdapImportDialog(stage).ask(name).ifPresent(request -> model.importLdap(request.query(), name));
            return;
        }
        boolean ldif = selected.store().source().toLowerCase().endsWith(".ldif");
        Optional<Path> file = ldif ? chooseFile("LDIF files", "*.ldif", "*.txt") : chooseFile("CSV files", "*.csv");
        file.ifPresent(path -> {
            if (ldif) {
                model.importLdif(path, name);
            } else {
                model.importCsv(path, name, selected.store().kind(), Map.of());
            }
        });
    }

    private void importEnrollment() {
        StoreSummary selected = table.getSelectionModel().getSelectedItem();
        chooseFile("CSV files", "*.csv").ifPresent(file -> model.importEnrollment(file, selected));
    }

    private void rename() {
        StoreSummary selected = table.getSelectionModel().getSelectedItem();
        TextInputDialog dialog = new TextInputDialog(selected.store().name());
        dialog.initOwner(stage);
        dialog.setTitle("Rename identity store");
        dialog.setHeaderText("New name for \"" + selected.store().name() + "\"");
        dialog.showAndWait().ifPresent(name -> model.rename(selected, name));
    }

    private void delete() {
        StoreSummary selected = table.getSelectionModel().getSelectedItem();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setTitle("Delete identity store");
        ask.setHeaderText("Delete \"" + selected.store().name() + "\" and its " + CountText.of(selected.userCount(), "user")
                + "?");
        ask.setContentText("Notifications already sent keep their recipients. The source itself is not touched.");
        if (ask.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            model.delete(selected);
        }
    }

    private Optional<Path> chooseFile(String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the file to import");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(stage);
        return Optional.ofNullable(file).map(File::toPath);
    }

    private Optional<String> askName(Path file) {
        String suggestion = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        TextInputDialog dialog = new TextInputDialog(suggestion);
        dialog.initOwner(stage);
        dialog.setTitle("Import " + file.getFileName());
        dialog.setHeaderText("Name of the identity store (an existing name re-imports that store)");
        return dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty());
    }

    private Optional<StoreKind> askKind(StoreKind suggestion) {
        ChoiceDialog<StoreKind> dialog = new ChoiceDialog<>(suggestion, StoreKind.values());
        dialog.initOwner(stage);
        dialog.setTitle("Kind of identity store");
        dialog.setHeaderText("Where does this export come from?");
        return dialog.showAndWait();
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
