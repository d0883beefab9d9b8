package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the helpdesk window as an operator would, headless. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @RegisterExtension
    static final DemoWorkspace WORKSPACE = new DemoWorkspace();

    private WindowUnderTest window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        window = new WindowUnderTest(stage, WORKSPACE.get());
        model = window.model();
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @Test
    void pickAStoreSearchTickRowsOnTwoPagesAndReadTheStatusLine(FxRobot robot) {
        waitUntilLoaded();
        assertEquals(MainWindow.TITLE, ((Stage) robot.window(0)).getTitle());

        StoreChoice fabrikam = model.storeChoices().stream()
                .filter(choice -> choice.name().contains("Fabrikam")).findFirst().orElseThrow();
        robot.clickOn("#storeChoice").clickOn(fabrikam.label());
        waitUntil(() -> model.countsProperty().get().listed() == fabrikam.userCount());

        robot.clickOn("#search").write("son");
        waitUntil(() -> model.searchTextProperty().get().equals("son"));
        long listed = model.countsProperty().get().listed();
        assertTrue(listed > 25, "enough matches for two pages: " + listed);

        UserTableRows.tick(robot, 0);
        UserTableRows.tick(robot, 2);
        robot.clickOn("#nextPage");
        waitUntil(() -> model.pageIndexProperty().get() == 1);
        assertEquals("2", robot.lookup("#pageField").queryAs(TextField.class).getText());
        UserTableRows.tick(robot, 1);

        String status = robot.lookup("#statusLine").queryAs(Label.class).getText();
        assertEquals(CountText.of(listed, "user") + " · 3 checked · "
                + CountText.number(model.countsProperty().get().withoutEmail()) + " without email", status);

        robot.clickOn("#previousPage");
        waitUntil(() -> model.pageIndexProperty().get() == 0);
        assertTrue(rowChecked(robot, 0) && !rowChecked(robot, 1) && rowChecked(robot, 2));
    }

    @Test
    void keyboardFindsSearchTogglesRowsAndTurnsPages(FxRobot robot) {
        waitUntilLoaded();
        robot.clickOn(UserTableRows.row(robot, 1).getChildrenUnmodifiable().get(1));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.checkedIds().size());
        assertTrue(rowChecked(robot, 1));

        robot.type(KeyCode.PAGE_DOWN);
        waitUntil(() -> model.pageIndexProperty().get() == 1);
        robot.type(KeyCode.PAGE_UP);
        waitUntil(() -> model.pageIndexProperty().get() == 0);

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#search").queryAs(TextField.class).isFocused());
    }

    @Test
    void aSearchWithoutMatchesShowsTheEmptyState(FxRobot robot) {
        waitUntilLoaded();
        robot.clickOn("#search").write("zzzqqq").type(KeyCode.ENTER);
        waitUntil(() -> model.countsProperty().get().listed() == 0);
        TableView<?> table = robot.lookup("#userTable").queryAs(TableView.class);
        assertTrue(table.getItems().isEmpty());
        assertTrue(robot.lookup(UserTable.NO_USERS_MATCH).tryQuery().isPresent());
        assertTrue(robot.lookup("#nextPage").query().isDisabled());
    }

    @Test
    void theHeaderCheckboxAndClearChecks(FxRobot robot) {
        waitUntilLoaded();
        robot.clickOn("#pageCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(25, model.checkedIds().size());
        robot.clickOn("#clearChecks");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.checkedIds().isEmpty());
        assertTrue(robot.lookup("#clearChecks").query().isDisabled());
    }

    @Test
    void atItsNarrowestTheWindowKeepsEveryControlInsideIt(FxRobot robot) {
        waitUntilLoaded();
        Stage stage = (Stage) robot.window(0);
        robot.interact(() -> stage.setWidth(stage.getMinWidth()));
        WaitForAsyncUtils.waitForFxEvents();

        double width = stage.getScene().getWidth();
        for (String control : List.of("#openAbout", "#notifyAllUsers", "#enrollmentFilter", "#lastPage")) {
            Bounds bounds = boundsInScene(robot, control);
            assertTrue(bounds.getMinX() >= 0 && bounds.getMaxX() <= width, control + " at " + bounds + " in " + width);
        }
        assertTrue(boundsInScene(robot, "#openAbout").getMinY() > boundsInScene(robot, "#storeChoice").getMaxY(),
                "the actions go to a row of their own");
        assertTrue(boundsInScene(robot, "#enrollmentFilter").getWidth() >= 180, "the filter keeps its words");
    }

    @Test
    void wideTheToolbarIsOneRow(FxRobot robot) {
        waitUntilLoaded();
        Stage stage = (Stage) robot.window(0);
        robot.interact(() -> stage.setWidth(1360));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(boundsInScene(robot, "#storeChoice").getCenterY(), boundsInScene(robot, "#openAbout").getCenterY(),
                1);
        assertEquals(stage.getScene().getWidth() - 12, boundsInScene(robot, "#openAbout").getMaxX(), 1,
                "the actions at the right edge, inside the toolbar's padding");
    }

    private static Bounds boundsInScene(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.localToScene(node.getBoundsInLocal());
    }

    private static boolean rowChecked(FxRobot robot, int index) {
        return UserTableRows.checkBox(robot, index).isSelected();
    }

    private void waitUntilLoaded() {
        waitUntil(() -> !model.rows().isEmpty());
    }

    private void waitUntil(Callable<Boolean> condition) {
        FxWait.until(() -> condition.call() && !model.loadingProperty().get());
    }
}
