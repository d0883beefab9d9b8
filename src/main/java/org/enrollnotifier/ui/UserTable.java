package org.enrollnotifier.ui;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.enrollnotifier.model.UserSort;

/**
 * The user table: one page of rows with a checkbox each. Sorting is done by the database for the
 * whole listing, so the table hands clicks on column headers to the view model instead of sorting
 * the page it holds.
 */
final class UserTable {

    static final String NO_EMAIL = "no email";
    static final String NO_USERS_MATCH = "No users match";
    static final String LOADING = "Loading users…";

    private final MainViewModel model;
    private final TableView<UserRow> table = new TableView<>();
    private final CheckBox pageCheck = new CheckBox();

    UserTable(MainViewModel model) {
        this.model = model;
        table.setId("userTable");
        table.setItems(model.rows());
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(checkColumn());
        table.getColumns().add(textColumn("Display name", UserSort.Field.DISPLAY_NAME, 200,
                row -> row.user().displayName()));
        table.getColumns().add(textColumn("Username", UserSort.Field.USERNAME, 130, row -> row.user().username()));
        table.getColumns().add(emailColumn());
        table.getColumns().add(textColumn("Identity store", UserSort.Field.IDENTITY_STORE, 220,
                row -> row.user().storeName()));
        table.getColumns().add(statusColumn());
        table.setSortPolicy(sorted -> {
            model.sortProperty().set(sortOf(sorted));
            return true;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::toggleFocusedRowOnSpace);
        table.setPlaceholder(placeholder());
    }

    TableView<UserRow> node() {
        return table;
    }

    private Label placeholder() {
        Label label = new Label();
        label.getStyleClass().add("empty-state");
        label.textProperty().bind(Bindings.createStringBinding(
                () -> model.loadingProperty().get() ? LOADING
                        : model.problemProperty().get().isEmpty() ? NO_USERS_MATCH : model.problemProperty().get(),
                model.loadingProperty(), model.problemProperty()));
        return label;
    }

    private TableColumn<UserRow, Boolean> checkColumn() {
        TableColumn<UserRow, Boolean> column = new TableColumn<>();
        pageCheck.setId("pageCheck");
        pageCheck.setOnAction(e -> model.setPageChecked(pageCheck.isSelected()));
        model.pageAllCheckedProperty().addListener((obs, was, now) -> pageCheck.setSelected(now));
        column.setGraphic(pageCheck);
        column.setSortable(false);
        column.setReorderable(false);
        column.setResizable(false);
        column.setPrefWidth(36);
        column.setCellValueFactory(cell -> cell.getValue().checkedProperty());
        column.setCellFactory(CheckBoxTableCell.forTableColumn(column));
        column.setEditable(true);
        return column;
    }

    private TableColumn<UserRow, String> textColumn(String title, UserSort.Field field, double width,
                                                     Function<UserRow, String> value) {
        TableColumn<UserRow, String> column = new TableColumn<>(title);
        column.setUserData(field);
        column.setPrefWidth(width);
        column.setEditable(false);
        column.setCellValueFactory(cell -> constant(value.apply(cell.getValue())));
        return column;
    }

    private TableColumn<UserRow, String> emailColumn() {
        TableColumn<UserRow, String> column = textColumn("Email", UserSort.Field.EMAIL, 240,
                row -> row.user().email());
        column.setCellFactory(col -> new StyledCell(text -> text == null ? NO_EMAIL : text,
                text -> text == null ? "missing-email" : null));
        return column;
    }

    private TableColumn<UserRow, String> statusColumn() {
        TableColumn<UserRow, String> column = textColumn("Enrollment status", UserSort.Field.ENROLLMENT_STATUS, 220,
                UserRow::enrollmentStatus);
        column.setCellFactory(col -> new StyledCell(text -> text,
                text -> UserRow.NOT_ENROLLED.equals(text) ? "not-enrolled" : null));
        return column;
    }

    private static ObservableValue<String> constant(String value) {
        return new ReadOnlyStringWrapper(value).getReadOnlyProperty();
    }

    private static UserSort sortOf(TableView<UserRow> sorted) {
        return sorted.getSortOrder().stream()
                .filter(column -> column.getUserData() instanceof UserSort.Field)
                .findFirst()
                .map(column -> new UserSort((UserSort.Field) column.getUserData(),
                        column.getSortType() == TableColumn.SortType.ASCENDING))
                .orElse(UserSort.DEFAULT);
    }

    private void toggleFocusedRowOnSpace(KeyEvent event) {
        if (event.getCode() != KeyCode.SPACE) {
            return;
        }
        int focused = table.getFocusModel().getFocusedIndex();
        if (focused >= 0 && focused < table.getItems().size()) {
            model.toggle(table.getItems().get(focused));
            event.consume();
        }
    }

    /** A text cell whose wording and style class depend on its value. */
    private static final class StyledCell extends TableCell<UserRow, String> {
        private final Function<String, String> text;
        private final Function<String, String> styleClass;

        StyledCell(Function<String, String> text, Function<String, String> styleClass) {
            this.text = text;
            this.styleClass = styleClass;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("missing-email", "not-enrolled");
            if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                setText(null);
                return;
            }
            setText(text.apply(item));
            String style = styleClass.apply(item);
            if (style != null) {
                getStyleClass().add(style);
            }
        }
    }
}
