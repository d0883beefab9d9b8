package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.enrollnotifier.testkit.SentNotification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Sent notifications window shows a failed recipient with its reply, and Retry failed sends only that one. */
@ExtendWith(ApplicationExtension.class)
class HistoryWindowTest {

    @RegisterExtension
    static final DemoWorkspace WORKSPACE = new DemoWorkspace();

    private WindowUnderTest window;
    private SentNotification sent;

    @Start
    void start(Stage stage) {
        sent = SentNotification.create(WORKSPACE.get(), "Kim");
        window = new WindowUnderTest(stage, WORKSPACE.get());
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void aFailedRecipientIsShownWithItsReplyAndRetryFailedSendsOnlyIt(FxRobot robot) throws Exception {
        long before = SentNotification.messagesIn(WORKSPACE.folder());
        robot.clickOn("#openHistory");
        FxWait.until(() -> robot.lookup("#outcomes").tryQuery().isPresent()
                && !robot.lookup("#outcomes").queryAs(TableView.class).getItems().isEmpty());

        @SuppressWarnings("unchecked")
        ComboBox<DeliveryState> filter = robot.lookup("#stateFilter").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> filter.setValue(DeliveryState.FAILED)).get();
        @SuppressWarnings("unchecked")
        TableView<DeliveryOutcome> outcomes = robot.lookup("#outcomes").queryAs(TableView.class);
        FxWait.until(() -> outcomes.getItems().size() == 1);
        assertEquals(sent.failedAddress(), outcomes.getItems().get(0).address());
        robot.lookup(SentNotification.REPLY).query();

        robot.clickOn("#retryFailed");
        FxWait.until(() -> robot.lookup("#deliverySummary").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("Done")).orElse(false));
        assertEquals("Done: all " + CountText.of(sent.recipients(), "message") + " sent in ",
                robot.lookup("#deliverySummary").queryAs(Label.class).getText().replaceAll("in .*", "in "));
        assertEquals(before + 1, SentNotification.messagesIn(WORKSPACE.folder()));
    }
}
