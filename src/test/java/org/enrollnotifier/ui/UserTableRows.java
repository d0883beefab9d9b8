package org.enrollnotifier.ui;

import javafx.scene.control.CheckBox;
import javafx.scene.control.TableRow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The user table's rows as a robot finds them. */
final class UserTableRows {

    private UserTableRows() {
    }

    /** Rows are recycled cells in no particular scene-graph order: find the one showing this index. */
    static TableRow<?> row(FxRobot robot, int index) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getIndex() == index && row.getItem() != null)
                .findFirst().orElseThrow(() -> new AssertionError("no visible row " + index));
    }

    static CheckBox checkBox(FxRobot robot, int index) {
        return robot.from(row(robot, index)).lookup(".check-box").queryAs(CheckBox.class);
    }

    static void tick(FxRobot robot, int index) {
        robot.clickOn(checkBox(robot, index));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
