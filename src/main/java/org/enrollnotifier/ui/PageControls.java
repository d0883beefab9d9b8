package org.enrollnotifier.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The controls under a list shown a page at a time ({@link CursorPages}). */
final class PageControls {

    private PageControls() {
    }

    /** Previous / "101–200 of 379,907" / Next under a list; hidden while everything fits on one page. */
    static HBox of(String idPrefix, CursorPages<?> pages) {
        Button previous = new Button("‹ Previous");
        previous.setId(idPrefix + "PreviousPage");
        previous.disableProperty().bind(pages.hasPreviousProperty().not());
        previous.setOnAction(e -> pages.previous());
        Button next = new Button("Next ›");
        next.setId(idPrefix + "NextPage");
        next.disableProperty().bind(pages.hasNextProperty().not());
        next.setOnAction(e -> pages.next());
        Label position = new Label();
        position.setId(idPrefix + "Position");
        position.textProperty().bind(pages.positionProperty());
        HBox box = new HBox(8, previous, position, next);
        box.setAlignment(Pos.CENTER_LEFT);
        box.managedProperty().bind(pages.hasPreviousProperty().or(pages.hasNextProperty()));
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }
}
