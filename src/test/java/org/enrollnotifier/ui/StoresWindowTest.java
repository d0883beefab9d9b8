package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Identity stores window lists the stores in the room it has, and Close closes it. */
@ExtendWith(ApplicationExtension.class)
class StoresWindowTest {

    @RegisterExtension
    static final DemoWorkspace WORKSPACE = new DemoWorkspace();

    private WindowUnderTest window;

    @Start
    void start(Stage stage) {
        window = new WindowUnderTest(stage, WORKSPACE.get());
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void theStoresFillTheWindowAboveCloseAtItsBottomRight(FxRobot robot) {
        robot.clickOn("#openStores");
        FxWait.until(() -> robot.lookup("#storesTable").tryQuery()
                .map(table -> ((TableView<?>) table).getItems().size() == 3).orElse(false));

        Node close = robot.lookup("#closeStores").query();
        Bounds closeBounds = close.localToScene(close.getBoundsInLocal());
        double width = close.getScene().getWidth();
        double height = close.getScene().getHeight();
        assertEquals(width - 14, closeBounds.getMaxX(), 1, "at the right, inside the padding");
        assertEquals(height - 14, closeBounds.getMaxY(), 1, "at the bottom, inside the padding");
        assertTrue(robot.lookup("#storesTable").query().getBoundsInLocal().getHeight() > 300,
                "the stores take the room no import's problems need");

        robot.clickOn("#closeStores");
        FxWait.until(() -> robot.lookup("#storesTable").tryQuery().isEmpty());
    }
}
