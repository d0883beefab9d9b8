package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Notify All Users as an operator does it, to the pickup folder of a fresh data folder. */
@ExtendWith(ApplicationExtension.class)
class NotifyFlowTest {

    @TempDir
    Path folder;
    private Workspace workspace;
    private WindowUnderTest window;
    private MainViewModel model;

    @Start
    void start(Stage stage) throws StartupProblem {
        workspace = Workspace.open(folder);
        window = new WindowUnderTest(stage, workspace);
        model = window.model();
    }

    @AfterEach
    void close() {
        window.close();
        workspace.close();
    }

    @Test
    void tickUsersOnTwoPagesComposeChangeTypesAndSubjectAndWatchTheMessagesGo(FxRobot robot) throws Exception {
        FxWait.until(() -> !model.rows().isEmpty() && !model.loadingProperty().get());
        UserTableRows.tick(robot, 0);
        UserTableRows.tick(robot, 1);
        robot.clickOn("#nextPage");
        FxWait.until(() -> model.pageIndexProperty().get() == 1 && !model.loadingProperty().get());
        UserTableRows.tick(robot, 4);
        assertEquals(3, model.checkedIds().size());

        robot.clickOn("#notifyAllUsers");
        FxWait.until(() -> robot.lookup("#recipientList").tryQuery().isPresent());
        ComposeHandles compose = new ComposeHandles(robot);
        FxWait.until(() -> compose.recipientCount().equals("3 recipients") || compose.leftOutCount() > 0);
        assertEquals(3, compose.recipients().getItems().size() + compose.leftOutCount());
        assertTrue(compose.recipients().getItems().stream().allMatch(r -> model.checkedIds().contains(r.user().id())));
        assertTrue(!compose.recipients().isEditable());

        robot.doubleClickOn("#subject").eraseText(robot.lookup("#subject").queryAs(TextField.class).getText().length())
                .write("Please enroll today");
        WaitForAsyncUtils.asyncFx(() -> compose.types().getCheckModel().clearCheck("Security Questions")).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!compose.types().getCheckModel().isChecked(EnrollmentTypePicker.ALL));
        int sent = compose.recipients().getItems().size();

        robot.clickOn("#notify");
        FxWait.until(() -> robot.lookup("#deliverySummary").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("Done")).orElse(false));
        String summary = robot.lookup("#deliverySummary").queryAs(Label.class).getText();
        ProgressBar bar = robot.lookup("#deliveryProgress").queryAs(ProgressBar.class);
        assertEquals(1.0, bar.getProgress());
        assertTrue(bar.getHeight() > 0, "the progress bar is on screen");
        assertEquals("Done: all " + CountText.of(sent, "message") + " sent in ", summary.substring(0, summary.indexOf(" in ") + 4));
        try (Stream<Path> files = Files.list(folder.resolve("pickup"))) {
            assertEquals(sent, files.filter(file -> file.toString().endsWith(".eml")).count());
        }

        Node close = robot.lookup("#closeDelivery").query();
        Bounds closeBounds = close.localToScene(close.getBoundsInLocal());
        assertEquals(close.getScene().getWidth() - 14, closeBounds.getMaxX(), 1, "Close at the window's right");
        assertEquals(close.getScene().getHeight() - 14, closeBounds.getMaxY(), 1, "Close at the window's bottom");
        robot.clickOn("#closeDelivery");
        FxWait.until(() -> robot.lookup("#deliverySummary").tryQuery().isEmpty());
    }

    @Test
    void withNothingTickedTheRecipientsAreEveryoneListed(FxRobot robot) {
        FxWait.until(() -> !model.rows().isEmpty() && !model.loadingProperty().get());
        robot.clickOn("#search").write("Nowak");
        FxWait.until(() -> model.searchTextProperty().get().equals("Nowak") && !model.loadingProperty().get());
        long listed = model.countsProperty().get().listed();

        robot.clickOn("#notifyAllUsers");
        FxWait.until(() -> robot.lookup("#recipientList").tryQuery().isPresent());
        ComposeHandles compose = new ComposeHandles(robot);
        FxWait.until(() -> compose.recipients().getItems().size() + compose.leftOutCount() == listed);
        robot.clickOn("#cancelCompose");
    }

    @Test
    void aLongRecipientListIsReviewedPageByPageAndThePreviewFollowsThePage(FxRobot robot) {
        FxWait.until(() -> !model.rows().isEmpty() && !model.loadingProperty().get());

        robot.clickOn("#notifyAllUsers");
        FxWait.until(() -> robot.lookup("#recipientNextPage").tryQuery().isPresent());
        ComposeHandles compose = new ComposeHandles(robot);
        FxWait.until(() -> compose.recipients().getItems().size() == CursorPages.PAGE_SIZE);
        List<org.enrollnotifier.model.Recipient> firstPage = List.copyOf(compose.recipients().getItems());
        assertTrue(compose.position().startsWith("1–100 of "), compose.position());

        robot.clickOn("#recipientNextPage");

        FxWait.until(() -> compose.position().startsWith("101–200 of "));
        List<org.enrollnotifier.model.Recipient> secondPage = List.copyOf(compose.recipients().getItems());
        assertTrue(secondPage.stream().noneMatch(firstPage::contains), "a new page of recipients");
        FxWait.until(() -> secondPage.get(0).equals(compose.previewed().getValue()));
        robot.clickOn("#cancelCompose");
    }

    /** The Compose Email dialog's controls. */
    private record ComposeHandles(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<org.enrollnotifier.model.Recipient> recipients() {
            return robot.lookup("#recipientList").queryAs(ListView.class);
        }

        int leftOutCount() {
            return robot.lookup("#leftOutList").queryAs(ListView.class).getItems().size();
        }

        String position() {
            return robot.lookup("#recipientPosition").queryAs(Label.class).getText();
        }

        @SuppressWarnings("unchecked")
        ComboBox<org.enrollnotifier.model.Recipient> previewed() {
            return robot.lookup("#previewRecipient").queryAs(ComboBox.class);
        }

        String recipientCount() {
            return robot.lookup("#recipientCount").queryAs(Label.class).getText();
        }

        @SuppressWarnings("unchecked")
        CheckComboBox<String> types() {
            return robot.lookup("#enrollmentTypes").queryAs(CheckComboBox.class);
        }
    }
}
