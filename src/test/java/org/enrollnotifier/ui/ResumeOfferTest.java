package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.app.Recipients;
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.UserQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A notification left queued by an earlier session is offered, and sent when the operator agrees. */
@ExtendWith(ApplicationExtension.class)
class ResumeOfferTest {

    @TempDir
    Path folder;
    private Workspace workspace;
    private WindowUnderTest window;
    private int queued;

    @Start
    void start(Stage stage) throws StartupProblem {
        workspace = Workspace.open(folder);
        Notifier notifier = new Notifier(workspace);
        Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch("Kim"), Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        queued = (int) list.counts().recipients();
        notifier.queue(new NotificationDraft("Hi", "Hello {firstName}", EnumSet.allOf(EnrollmentType.class), "test"),
                list, MailSettings.DEFAULT);
        window = WindowUnderTest.owning(stage, workspace);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void theNextStartOffersToSendWhatWasLeftAndSendsIt(FxRobot robot) throws Exception {
        String offer = CountText.of(queued, "message") + " of 1 notification were not sent yet.";
        FxWait.until(() -> robot.lookup(offer).tryQuery().isPresent());
        robot.clickOn("Yes");
        FxWait.until(() -> robot.lookup("#deliverySummary").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("Done")).orElse(false));
        try (Stream<Path> files = Files.list(folder.resolve("pickup"))) {
            assertEquals(queued, files.count());
        }
        assertTrue(new Notifier(workspace).unfinished().isEmpty());
    }
}
