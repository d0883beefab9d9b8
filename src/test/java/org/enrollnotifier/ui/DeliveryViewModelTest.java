package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.enrollnotifier.app.DeliveryJob;
import org.enrollnotifier.app.DeliveryReport;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.app.Recipients;
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.DeliveryCounts;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.FailedDelivery;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.SmtpSecurity;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeliveryViewModelTest {

    @RegisterExtension
    final DemoWorkspace demo = new DemoWorkspace();
    private Workspace workspace;
    private long notificationId;
    private int recipients;

    @BeforeEach
    void queue() throws StartupProblem {
        workspace = demo.get();
        Notifier notifier = new Notifier(workspace);
        Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch("Kim"), Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        recipients = (int) list.counts().recipients();
        notificationId = notifier.queue(new NotificationDraft("Hi", "Hello {firstName}",
                EnumSet.allOf(EnrollmentType.class), "test"), list, MailSettings.DEFAULT);
    }


    @Test
    void aFinishedRunShowsFullProgressAndTheSummary() {
        DeliveryViewModel model = new DeliveryViewModel(notificationId,
                listener -> DeliveryJob.create(workspace, MailSettings.DEFAULT, new char[0], listener),
                new ManualBackground());
        model.start();

        assertEquals(1.0, model.progressProperty().get());
        assertEquals("Sent " + recipients + " · Failed 0 · Left 0", model.countsTextProperty().get());
        assertTrue(model.summaryProperty().get().startsWith("Done: all " + CountText.of(recipients, "message")),
                model.summaryProperty().get());
        assertFalse(model.runningProperty().get());
        assertFalse(model.resumableProperty().get());
        assertTrue(model.failures().isEmpty());
    }

    @Test
    void aRefusingServerStopsTheRunAndOffersToResume() {
        MailSettings unreachable = MailSettings.DEFAULT.withServer("127.0.0.1", 1, SmtpSecurity.NONE, "");
        DeliveryViewModel model = new DeliveryViewModel(notificationId,
                listener -> DeliveryJob.create(workspace, unreachable, new char[0], listener), new ManualBackground());
        model.start();

        assertTrue(model.summaryProperty().get().startsWith("Sending stopped: Cannot connect to 127.0.0.1:1"),
                model.summaryProperty().get());
        assertTrue(model.summaryProperty().get().contains(CountText.of(recipients, "message") + " still queued"),
                model.summaryProperty().get());
        assertTrue(model.resumableProperty().get());
        assertEquals(0.0, model.progressProperty().get());
    }

    @Test
    void aFinishedOrCancelledRunWithMoreFailuresThanListedSaysTheFirstOnesAreListedAndWhereToFindThemAll() {
        List<FailedDelivery> listed = IntStream.range(0, DeliveryReport.FAILURES_LISTED)
                .mapToObj(i -> new FailedDelivery("User " + i, "user" + i + "@example.com", "550 5.1.1 Unknown"))
                .toList();

        assertEquals("Done: 500 sent, 2,500 failed. The first 1,000 failed recipients and the server's replies"
                + " are listed below; Sent… lists them all.", DeliveryViewModel.summaryOf(new DeliveryReport(1,
                DeliveryReport.Outcome.FINISHED, new DeliveryCounts(3_000, 500, 2_500), listed, "",
                Duration.ofSeconds(3))));
        assertEquals("Done: 2,000 sent, 1,000 failed. The failed recipients and the server's replies are listed"
                + " below.", DeliveryViewModel.summaryOf(new DeliveryReport(1, DeliveryReport.Outcome.FINISHED,
                new DeliveryCounts(3_000, 2_000, 1_000), listed, "", Duration.ofSeconds(3))));
        assertEquals("Cancelled: 500 sent; the 2,500 others will not be sent. The first 1,000 are listed below;"
                + " Sent… lists them all.", DeliveryViewModel.summaryOf(new DeliveryReport(1,
                DeliveryReport.Outcome.CANCELLED, new DeliveryCounts(3_000, 500, 2_500), listed, "",
                Duration.ofSeconds(3))));
        assertEquals("Cancelled: 2,000 sent; the 1,000 others will not be sent.", DeliveryViewModel.summaryOf(
                new DeliveryReport(1, DeliveryReport.Outcome.CANCELLED, new DeliveryCounts(3_000, 2_000, 1_000),
                        listed, "", Duration.ofSeconds(3))));
    }

    @Test
    void describesARunOverWithinTheSecondAsLessThanASecondAndLongerOnesInWholeUnits() {
        assertEquals("less than a second", DeliveryViewModel.describe(Duration.ofMillis(640)));
        assertEquals("1 s", DeliveryViewModel.describe(Duration.ofMillis(1_200)));
        assertEquals("2 min 5 s", DeliveryViewModel.describe(Duration.ofSeconds(125)));
        assertEquals("1 h 1 min", DeliveryViewModel.describe(Duration.ofSeconds(3_700)));
    }
}
