package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.enrollnotifier.app.DeliveryJob;
import org.enrollnotifier.app.History;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.app.Recipients;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.enrollnotifier.testkit.SentNotification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class HistoryViewModelTest {

    @RegisterExtension
    final DemoWorkspace demo = new DemoWorkspace();

    @TempDir
    Path files;
    private SentNotification sent;
    private HistoryViewModel model;

    @BeforeEach
    void send() {
        sent = SentNotification.create(demo.get(), "Kim");
        model = new HistoryViewModel(new History(demo.get()), new ManualBackground());
        model.load();
    }

    @Test
    void showsTheNotificationWithItsCountsAndEveryRecipient() {
        assertEquals(1, model.notifications().size());
        var notification = model.selectedProperty().get();
        assertEquals(sent.id(), notification.id());
        assertEquals(sent.recipients() - 1, notification.counts().sent());
        assertEquals(1, notification.counts().failed());
        assertEquals(sent.recipients(), model.outcomes().size());
    }

    @Test
    void aLargeNotificationsRecipientsArePagedAHundredAtATime() {
        Notifier notifier = new Notifier(demo.get());
        long total;
        try (Recipients everyone = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE, Set.of()),
                EnumSet.allOf(EnrollmentType.class))) {
            total = everyone.counts().recipients();
            notifier.queue(new NotificationDraft("Please enroll", "Hello {firstName}",
                    EnumSet.allOf(EnrollmentType.class), "everyone"), everyone, MailSettings.DEFAULT);
        }
        model.load();
        model.selectedProperty().set(model.notifications().get(0));
        CursorPages<DeliveryOutcome> pages = model.outcomePages();

        assertEquals(CursorPages.PAGE_SIZE, model.outcomes().size());
        assertEquals(String.format("1–100 of %,d", total), pages.positionProperty().get());
        String firstOfFirstPage = model.outcomes().get(0).address();
        pages.next();
        assertEquals(String.format("101–200 of %,d", total), pages.positionProperty().get());
        assertTrue(model.outcomes().stream().noneMatch(outcome -> outcome.address().equals(firstOfFirstPage)));
        model.stateFilterProperty().set(DeliveryState.QUEUED);
        assertEquals(String.format("1–100 of %,d", total), pages.positionProperty().get(), "all still queued");
    }

    @Test
    void filteringByStateShowsTheFailedRecipientWithTheServerReply() {
        model.stateFilterProperty().set(DeliveryState.FAILED);
        assertEquals(1, model.outcomes().size());
        assertEquals(sent.failedAddress(), model.outcomes().get(0).address());
        assertEquals(sent.failedReply(), model.outcomes().get(0).lastReply());
        assertEquals(1, model.outcomes().get(0).attempts());
    }

    @Test
    void retryFailedQueuesOnlyTheFailedRecipientAndSendsIt() throws Exception {
        long before = SentNotification.messagesIn(demo.folder());
        AtomicLong handedOn = new AtomicLong();
        model.retryFailed(handedOn::set);

        assertEquals(sent.id(), handedOn.get());
        assertEquals("Queued 1 failed recipient again.", model.messageProperty().get());
        assertEquals(1, model.selectedProperty().get().counts().left());
        DeliveryJob.create(demo.get(), MailSettings.DEFAULT, new char[0], p -> { }).run(sent.id());
        assertEquals(before + 1, SentNotification.messagesIn(demo.folder()));
    }

    @Test
    void exportWritesEveryOutcome() throws Exception {
        Path file = files.resolve("outcomes.csv");
        model.export(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1 + sent.recipients(), lines.size());
        assertTrue(lines.stream().anyMatch(line -> line.contains(sent.failedAddress()) && line.contains("550 5.1.1")),
                String.join("\n", lines));
        assertTrue(model.messageProperty().get().startsWith("Saved the outcomes to "));
    }
}
