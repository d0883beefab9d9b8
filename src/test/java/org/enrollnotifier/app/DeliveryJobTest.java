package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.enrollnotifier.mail.MailConnection;
import org.enrollnotifier.mail.MailFailure;
import org.enrollnotifier.mail.MailTransport;
import org.enrollnotifier.mail.OutgoingMessage;
import org.enrollnotifier.mail.SmtpTransport;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.LeftOutUser;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.Recipient;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.SmtpSecurity;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.store.NotificationRepository;
import org.enrollnotifier.testkit.AllOutcomes;
import org.enrollnotifier.testkit.AllRecipients;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.enrollnotifier.testkit.LoopbackSmtp;
import org.enrollnotifier.testkit.ScriptedSmtpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A whole notification through a real SMTP server on loopback. */
class DeliveryJobTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = LoopbackSmtp.server();

    @RegisterExtension
    final DemoWorkspace demo = new DemoWorkspace();
    private Workspace workspace;
    private Notifier notifier;

    @BeforeEach
    void open() throws StartupProblem {
        workspace = demo.get();
        notifier = new Notifier(workspace);
    }


    @Test
    void everyRecipientGetsOneRenderedMessageAndTheLeftOutGetNothing() throws Exception {
        Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch("Nowak"), Set.of()),
                EnumSet.of(EnrollmentType.AUTHENTICATOR, EnrollmentType.YUBIKEY));
        List<Recipient> recipients = AllRecipients.of(list);
        assertTrue(recipients.size() > 5 && list.counts().leftOutTotal() > 0, list.counts().toString());
        MailSettings settings = smtpSettings();
        long id = notifier.queue(new NotificationDraft("Enroll now, {firstName}",
                "Dear {displayName} of {identityStore}: please enroll with {enrollmentTypes} at {enrollmentUrl}",
                EnumSet.of(EnrollmentType.AUTHENTICATOR, EnrollmentType.YUBIKEY), "test"), list, settings);
        List<DeliveryProgress> progress = new CopyOnWriteArrayList<>();

        DeliveryReport report = DeliveryJob.create(workspace, settings, new char[0], progress::add).run(id);

        assertTrue(report.allSent(), report.toString());
        assertEquals(recipients.size(), report.counts().sent());
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(recipients.size(), received.length);
        Set<String> addresses = new HashSet<>();
        for (MimeMessage message : received) {
            addresses.add(message.getAllRecipients()[0].toString().replaceAll(".*<|>.*", "").toLowerCase(Locale.ROOT));
        }
        Set<String> expected = new HashSet<>();
        recipients.forEach(recipient -> expected.add(recipient.address().toLowerCase(Locale.ROOT)));
        for (LeftOutUser left : AllRecipients.leftOut(list)) {
            String address = left.user().email() == null ? null : left.user().email().toLowerCase(Locale.ROOT);
            if (address != null && !expected.contains(address)) {
                assertTrue(!addresses.contains(address), left.toString());
            }
        }
        assertEquals(expected, addresses);
        Recipient first = recipients.get(0);
        MimeMessage toFirst = messageTo(received, first.address());
        assertEquals("Enroll now, " + first.user().firstName(), toFirst.getSubject());
        String text = ((MimeMultipart) toFirst.getContent()).getBodyPart(0).getContent().toString();
        assertEquals("Dear " + first.user().displayName() + " of " + first.user().storeName()
                + ": please enroll with Authenticator, YubiKey at " + settings.enrollmentUrl(), text.strip());
        assertEquals("auto-generated", toFirst.getHeader("Auto-Submitted")[0]);
        assertTrue(progress.get(progress.size() - 1).counts().finished());
    }

    @Test
    void pausingLetsTheMessageInFlightFinishAndRecordsItBeforeWaiting() throws Exception {
        Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch("Nowak"), Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        MailSettings settings = smtpSettings().withParallelConnections(1);
        long id = notifier.queue(new NotificationDraft("Hi", "Hello {firstName}", EnumSet.allOf(EnrollmentType.class),
                "test"), list, settings);
        CountDownLatch pausedAfterTwo = new CountDownLatch(1);
        AtomicReference<DeliveryJob> job = new AtomicReference<>();
        job.set(DeliveryJob.create(workspace, settings, new char[0], progress -> {
            // the second message is claimed and leaving when the pause comes
            if (progress.counts().sent() == 1 && !progress.paused()) {
                job.get().pause();
            } else if (progress.counts().sent() == 2 && progress.paused()) {
                pausedAfterTwo.countDown();
            }
        }));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<DeliveryReport> running = runner.submit(() -> job.get().run(id));

            assertTrue(pausedAfterTwo.await(30, TimeUnit.SECONDS), "the message in flight was not recorded as sent");
            NotificationRepository outbox = new NotificationRepository();
            assertEquals(2, (long) workspace.database().read(c -> outbox.outcomeCount(c, id, DeliveryState.SENT)));
            assertEquals(List.of(), AllOutcomes.of(workspace, id, DeliveryState.SENDING));
            assertEquals(2, SMTP.getReceivedMessages().length);

            job.get().resume();
            DeliveryReport report = running.get(30, TimeUnit.SECONDS);
            assertTrue(report.allSent(), report.toString());
            assertEquals(list.counts().recipients(), SMTP.getReceivedMessages().length);
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    void interruptingAPausedRunEndsIt() throws Exception {
        Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch("Nowak"), Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        MailSettings settings = smtpSettings().withParallelConnections(1);
        long id = notifier.queue(new NotificationDraft("Hi", "Hello", EnumSet.allOf(EnrollmentType.class), "test"),
                list, settings);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<DeliveryJob> job = new AtomicReference<>();
        job.set(DeliveryJob.create(workspace, settings, new char[0], progress -> {
            if (progress.counts().sent() == 1 && !progress.paused()) {
                job.get().pause();
            } else if (progress.paused()) {
                paused.countDown();
            }
        }));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<DeliveryReport> running = runner.submit(() -> {
                try {
                    return job.get().run(id);
                } finally {
                    ended.countDown();
                }
            });
            assertTrue(paused.await(30, TimeUnit.SECONDS), "the run did not pause");

            running.cancel(true);

            assertTrue(ended.await(30, TimeUnit.SECONDS), "the interrupted run went on");
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    void cancellingBeforeTheStartSendsNothingAndSaysWhy() throws Exception {
        CancelledRun run = cancelledBeforeTheStart(UserQuery.EVERYONE.withSearch("Kim"));
        DeliveryReport report = run.report();

        assertEquals(DeliveryReport.Outcome.CANCELLED, report.outcome());
        assertEquals(0, SMTP.getReceivedMessages().length);
        assertEquals(run.recipients(), report.failures().size());
        assertTrue(report.failures().stream().allMatch(f -> f.reply().equals(DeliveryJob.CANCELLED_REPLY)));
        assertTrue(notifier.unfinished().isEmpty());
    }

    @Test
    void aCancelledSendOfThousandsListsTheFirstThousandFailuresAndCountsThemAll() throws Exception {
        CancelledRun run = cancelledBeforeTheStart(UserQuery.EVERYONE);
        DeliveryReport report = run.report();

        assertTrue(run.recipients() > DeliveryReport.FAILURES_LISTED, "more than a thousand queued");
        assertEquals(run.recipients(), report.counts().failed());
        assertEquals(DeliveryReport.FAILURES_LISTED, report.failures().size());
        assertTrue(report.moreFailuresThanListed());
    }

    private record CancelledRun(long recipients, DeliveryReport report) {
    }

    /** Queues a notification to {@code audience} and runs its delivery cancelled before it starts. */
    private CancelledRun cancelledBeforeTheStart(UserQuery audience) throws Exception {
        Recipients list = notifier.resolve(new RecipientSelection(audience, Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        MailSettings settings = smtpSettings();
        long id = notifier.queue(new NotificationDraft("Hi", "Hello {firstName}", EnumSet.allOf(EnrollmentType.class),
                "test"), list, settings);
        DeliveryJob job = DeliveryJob.create(workspace, settings, new char[0], p -> { });
        job.cancel();
        return new CancelledRun(list.counts().recipients(), job.run(id));
    }

    /** With PIPELINING, each message's end also carries the next message's envelope. */
    @ParameterizedTest(name = "the server announces PIPELINING: {0}")
    @ValueSource(booleans = {false, true})
    void eachMessageIsRecordedAsSentBeforeTheNextOneOnItsConnectionIsHandedOver(boolean pipelining)
            throws Exception {
        try (ScriptedSmtpServer scripted = new ScriptedSmtpServer()) {
            assertRecordedBeforeEachHandOver(pipelining ? scripted.settings(1) : smtpSettings());
        }
    }

    private void assertRecordedBeforeEachHandOver(MailSettings server) {
        Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch("Nowak"), Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        MailSettings settings = server.withParallelConnections(2);
        long id = notifier.queue(new NotificationDraft("Hi", "Hello", EnumSet.allOf(EnrollmentType.class), "test"),
                list, settings);
        SmtpTransport smtp = new SmtpTransport(settings, null);
        List<String> unrecordedAtAHandOver = new CopyOnWriteArrayList<>();
        MailTransport checking = new MailTransport() {
            @Override
            public MailConnection open() throws MailFailure {
                MailConnection real = smtp.open();
                List<String> earlier = new ArrayList<>();
                return new MailConnection() {
                    @Override
                    public void send(OutgoingMessage message, Runnable beforeHandOver, OutgoingMessage next)
                            throws MailFailure {
                        real.send(message, () -> {
                            beforeHandOver.run();
                            Set<String> recorded = sentMessageIds(id);
                            earlier.stream().filter(sent -> !recorded.contains(sent))
                                    .forEach(unrecordedAtAHandOver::add);
                        }, next);
                        earlier.add(message.messageId());
                    }

                    @Override
                    public void close() {
                        real.close();
                    }
                };
            }

            @Override
            public String describe() {
                return smtp.describe();
            }
        };

        DeliveryReport report = DeliveryJob.through(workspace, checking, settings, p -> { }).run(id);

        assertTrue(report.allSent(), report.toString());
        assertTrue(list.counts().recipients() > 2 * 16, "more messages than two claims");
        assertEquals(List.of(), unrecordedAtAHandOver);
    }

    private Set<String> sentMessageIds(long notification) {
        return AllOutcomes.of(workspace, notification, DeliveryState.SENT).stream().map(DeliveryOutcome::messageId).collect(Collectors.toSet());
    }

    @Test
    void aServerThatCannotBeReachedStopsTheRunAndKeepsEverythingQueued() {
        Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch("Kim"), Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        MailSettings settings = MailSettings.DEFAULT.withServer("127.0.0.1", closedPort(), SmtpSecurity.NONE, "");
        long id = notifier.queue(new NotificationDraft("Hi", "Hello", EnumSet.allOf(EnrollmentType.class), "test"),
                list, settings);

        DeliveryReport report = DeliveryJob.create(workspace, settings, new char[0], p -> { }).run(id);

        assertEquals(DeliveryReport.Outcome.STOPPED, report.outcome());
        assertTrue(report.problem().contains("127.0.0.1"), report.problem());
        assertEquals(list.counts().recipients(), report.counts().left());
        assertEquals(id, notifier.unfinished().get(0).id());
    }

    private static MimeMessage messageTo(MimeMessage[] received, String address) throws Exception {
        for (MimeMessage message : received) {
            if (message.getAllRecipients()[0].toString().contains(address)) {
                return message;
            }
        }
        throw new AssertionError("nothing sent to " + address);
    }

    private static MailSettings smtpSettings() {
        return LoopbackSmtp.settingsFor(SMTP);
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
