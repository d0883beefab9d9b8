package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.LeftOutReason;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.Recipient;
import org.enrollnotifier.model.RecipientCounts;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ComposeViewModelTest {

    @RegisterExtension
    static final DemoWorkspace WORKSPACE = new DemoWorkspace();

    @TempDir
    Path folder;

    private final ManualBackground background = new ManualBackground();
    private ComposeViewModel model;

    @BeforeEach
    void start() {
        model = new ComposeViewModel(new Notifier(WORKSPACE.get()), MailSettings.DEFAULT,
                new RecipientSelection(UserQuery.EVERYONE.withSearch("Garcia"), Set.of()), "test", background);
        model.start();
    }

    @Test
    void theDefaultsAreReadyToSendToTheResolvedRecipients() {
        assertFalse(model.recipients().isEmpty());
        assertEquals(Set.of(EnrollmentType.values()), model.types());
        assertEquals(Notifier.defaultSubject(), model.subjectProperty().get());
        assertEquals("", model.subjectProblemProperty().get());
        assertEquals("", model.messageProblemProperty().get());
        assertTrue(model.canNotifyProperty().get());
        assertEquals(CountText.of(model.countsProperty().get().recipients(), "recipient"),
                model.recipientSummaryProperty().get());
    }

    @Test
    void aSubjectWithALineBreakIsRejectedBesideTheField() {
        model.subjectProperty().set("Enroll\nBcc: all@example.com");
        assertTrue(model.subjectProblemProperty().get().contains("line breaks"), model.subjectProblemProperty().get());
        assertFalse(model.canNotifyProperty().get());
    }

    @Test
    void unknownPlaceholdersAreFlaggedAndBlockNotify() {
        model.messageProperty().set("Hello {frstName}, enroll at {enrollmentUrl}");
        assertTrue(model.messageProblemProperty().get().contains("{frstName}"), model.messageProblemProperty().get());
        assertFalse(model.canNotifyProperty().get());
        model.messageProperty().set("Hello {firstName}");
        assertTrue(model.canNotifyProperty().get());
    }

    @Test
    void atLeastOneEnrollmentTypeIsRequired() {
        model.types().clear();
        assertFalse(model.typesProblemProperty().get().isEmpty());
        assertFalse(model.canNotifyProperty().get());
    }

    @Test
    void narrowingTheTypesReconsidersWhoIsAlreadyEnrolled() {
        long enrolledWithEverything = model.countsProperty().get().leftOut().get(LeftOutReason.ALREADY_ENROLLED);
        model.types().retainAll(Set.of(EnrollmentType.SMS));
        long enrolledWithSms = model.countsProperty().get().leftOut().get(LeftOutReason.ALREADY_ENROLLED);
        assertTrue(enrolledWithSms > enrolledWithEverything, enrolledWithSms + " vs " + enrolledWithEverything);
        assertTrue(model.recipients().stream().noneMatch(r -> r.user().enrolledTypes().contains(EnrollmentType.SMS)));
        assertTrue(model.leftOutSummaryProperty().get().contains("already enrolled"), model.leftOutSummaryProperty().get());
    }

    @Test
    void thePreviewShowsTheMessageAsTheChosenRecipientReadsIt() {
        model.messageProperty().set("Dear {displayName} ({username}) of {identityStore}: {enrollmentTypes}");
        model.types().retainAll(Set.of(EnrollmentType.SMS, EnrollmentType.YUBIKEY));
        var second = model.recipients().get(1);
        model.previewRecipientProperty().set(second);
        assertEquals("Dear " + second.user().displayName() + " (" + second.user().username() + ") of "
                + second.user().storeName() + ": SMS, YubiKey", model.previewTextProperty().get());
    }

    @Test
    void exportWritesEveryRecipientAndLeftOutUserAsCsv() throws Exception {
        Path file = folder.resolve("recipients.csv");
        AtomicReference<String> outcome = new AtomicReference<>();
        model.exportTo(file, outcome::set);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("Display name,Email,Username,Identity store,Enrolled types,Will be notified,Left out because",
                lines.get(0));
        RecipientCounts counts = model.countsProperty().get();
        assertEquals(1 + counts.recipients() + counts.leftOutTotal(), lines.size());
        assertTrue(outcome.get().startsWith("Saved "), outcome.get());
    }

    @Test
    void notifyQueuesOnceAndHandsOnTheNotification() {
        AtomicLong queued = new AtomicLong(-1);
        model.notifyRecipients(queued::set);
        assertTrue(queued.get() > 0);
        var unfinished = new Notifier(WORKSPACE.get()).unfinished();
        assertTrue(unfinished.stream().anyMatch(n -> n.id() == queued.get()
                && n.counts().total() == model.countsProperty().get().recipients()));
    }

    @Test
    void aLongListIsReviewedPageByPage() {
        ComposeViewModel everyone = new ComposeViewModel(new Notifier(WORKSPACE.get()), MailSettings.DEFAULT,
                new RecipientSelection(UserQuery.EVERYONE, Set.of()), "test", background);
        everyone.start();
        long total = everyone.countsProperty().get().recipients();
        CursorPages<Recipient> pages = everyone.recipientPages();
        List<Recipient> first = List.copyOf(everyone.recipients());
        assertEquals(CursorPages.PAGE_SIZE, first.size());
        assertEquals(String.format("1–100 of %,d", total), pages.positionProperty().get());
        assertFalse(pages.hasPreviousProperty().get());

        pages.next();

        List<Recipient> second = List.copyOf(everyone.recipients());
        assertEquals(String.format("101–200 of %,d", total), pages.positionProperty().get());
        assertEquals(CursorPages.PAGE_SIZE, second.size());
        assertTrue(second.stream().noneMatch(first::contains), "the second page repeats none of the first");
        assertEquals(second.get(0), everyone.previewRecipientProperty().get());

        pages.previous();

        assertEquals(first, everyone.recipients());
        assertFalse(pages.hasPreviousProperty().get());
        everyone.close();
    }
}
