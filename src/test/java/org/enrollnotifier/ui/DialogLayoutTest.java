package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;

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
    @CsvSource({"#openStores, #storesTable, #closeStores", "#openSettings, #smtpHost, #cancelSettings",
            "#openHistory, #outcomes, #closeHistory"})
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
    void onAShortScreenComposeGivesWayInItsTextAreasNotInItsWordsOrButtons(FxRobot robot) {
        robot.clickOn("#notifyAllUsers");
        FxWait.until(() -> robot.lookup("#placeholderHint").tryQuery().isPresent());
        Stage compose = (Stage) robot.lookup("#placeholderHint").query().getScene().getWindow();
        robot.interact(() -> compose.setHeight(600));
        robot.clickOn("#message").write("{nope}");
        FxWait.until(() -> !robot.lookup("#messageProblem").queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        for (String words : List.of("#placeholderHint", "#messageProblem")) {
            Label label = robot.lookup(words).queryAs(Label.class);
            assertTrue(label.getHeight() >= label.prefHeight(label.getWidth()) - 0.5,
                    words + " shown whole: " + label.getHeight() + " of " + label.prefHeight(label.getWidth()));
        }
        Node notify = robot.lookup("#notify").query();
        assertTrue(notify.localToScene(notify.getBoundsInLocal()).getMaxY() <= notify.getScene().getHeight(),
                "Notify in view");
        robot.clickOn("#cancelCompose");
    }

    @Test
    void withNothingSentTheSentWindowSaysSoAndHowToSeeRecipients(FxRobot robot) {
        robot.clickOn("#openHistory");
        FxWait.until(() -> robot.lookup("#noOutcomes").tryQuery().isPresent());

        assertEquals("Select a notification to see its recipients.",
                robot.lookup("#noOutcomes").queryAs(Label.class).getText());
        robot.lookup("No notification has been sent yet.").query();
        robot.interact(() -> robot.lookup("#noOutcomes").query().getScene().getWindow().hide());
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
