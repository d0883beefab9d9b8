package org.enrollnotifier.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A window's last row: its Close button at the bottom right, after whatever goes on the left. */
final class ClosingRow {

    private ClosingRow() {
    }

    static HBox of(Button close, Node... left) {
        Region between = new Region();
        HBox.setHgrow(between, Priority.ALWAYS);
        HBox row = new HBox(8, left);
        row.getChildren().addAll(between, close);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
