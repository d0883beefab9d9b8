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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dialogs a toolbar button opens have their closing button at the bottom right, and it closes them. */
@ExtendWith(ApplicationExtension.class)
class DialogLayoutTest {

    /** The dialogs' padding. */
    private static final double PADDING = 14;

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

    @ParameterizedTest(name = "{0} closes with {2}")
    @CsvSource({"#openStores, #storesTable, #closeStores", "#openSettings, #smtpHost, #cancelSettings"})
    void theClosingButtonSitsAtTheBottomRightAndCloses(String opener, String content, String closing, FxRobot robot) {
        robot.clickOn(opener);
        FxWait.until(() -> robot.lookup(content).tryQuery().isPresent());

        Node button = robot.lookup(closing).query();
        Bounds bounds = button.localToScene(button.getBoundsInLocal());
        assertEquals(button.getScene().getWidth() - PADDING, bounds.getMaxX(), 1, "at the right, inside the padding");
        assertEquals(button.getScene().getHeight() - PADDING, bounds.getMaxY(), 1, "at the bottom, inside the padding");

        robot.clickOn(closing);
        FxWait.until(() -> robot.lookup(content).tryQuery().isEmpty());
    }

    @Test
    void theStoresTakeTheRoomNoImportsProblemsNeed(FxRobot robot) {
        robot.clickOn("#openStores");
        FxWait.until(() -> robot.lookup("#storesTable").tryQuery()
                .map(table -> ((TableView<?>) table).getItems().size() == 3).orElse(false));

        assertTrue(robot.lookup("#storesTable").query().getBoundsInLocal().getHeight() > 300);
        robot.clickOn("#closeStores");
    }
}
