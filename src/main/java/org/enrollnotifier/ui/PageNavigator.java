package org.enrollnotifier.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** Page controls at the bottom of the table: rows per page, first / previous / page N of M / next / last. */
final class PageNavigator {

    private final MainViewModel model;
    private final HBox box = new HBox(6);
    private final TextField pageField = new TextField();

    PageNavigator(MainViewModel model) {
        this.model = model;
        box.setAlignment(Pos.CENTER_RIGHT);

        ComboBox<Integer> pageSize = new ComboBox<>();
        pageSize.setId("pageSize");
        pageSize.getItems().setAll(MainViewModel.PAGE_SIZES);
        pageSize.setValue(model.pageSizeProperty().get());
        pageSize.valueProperty().addListener((obs, old, now) -> model.pageSizeProperty().set(now));

        Button first = button("firstPage", "«", "First page", model::firstPage);
        Button previous = button("previousPage", "‹", "Previous page (Page Up)", model::previousPage);
        Button next = button("nextPage", "›", "Next page (Page Down)", model::nextPage);
        Button last = button("lastPage", "»", "Last page", model::lastPage);
        first.disableProperty().bind(model.pageIndexProperty().isEqualTo(0));
        previous.disableProperty().bind(model.pageIndexProperty().isEqualTo(0));
        next.disableProperty().bind(model.pageIndexProperty().greaterThanOrEqualTo(model.pageCountProperty().subtract(1)));
        last.disableProperty().bind(next.disableProperty().or(model.countingProperty()));

        pageField.setId("pageField");
        pageField.getStyleClass().add("page-field");
        pageField.setOnAction(e -> goToTypedPage());
        pageField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                showPageNumber();
            }
        });
        model.pageIndexProperty().addListener((obs, old, now) -> showPageNumber());
        showPageNumber();

        Label of = new Label();
        of.setId("pageCountLabel");
        of.textProperty().bind(Bindings.when(model.countingProperty()).then("of …")
                .otherwise(model.pageCountProperty().asString("of %,d")));
        // "of …" is narrower than the count it stands for: keep the count's place, or the controls jump twice
        model.countingProperty().addListener((obs, was, counting) ->
                of.setMinWidth(counting ? of.getWidth() : Region.USE_PREF_SIZE));

        box.getChildren().addAll(new Label("Rows per page"), pageSize, first, previous, new Label("Page"), pageField,
                of, next, last);
        // the status line beside it gives way when the window narrows; these keep their words
        box.getChildren().stream().filter(node -> node instanceof Labeled)
                .forEach(node -> ((Labeled) node).setMinWidth(Region.USE_PREF_SIZE));
        box.setMinWidth(Region.USE_PREF_SIZE);
    }

    HBox node() {
        return box;
    }

    private void goToTypedPage() {
        try {
            model.goToPage(Integer.parseInt(pageField.getText().strip().replace(",", "")) - 1);
        } catch (NumberFormatException e) {
            showPageNumber();
        }
    }

    private void showPageNumber() {
        pageField.setText(Integer.toString(model.pageIndexProperty().get() + 1));
    }

    private static Button button(String id, String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }
}
