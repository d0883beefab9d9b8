package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.enrollnotifier.mail.SmtpTransport;
import org.enrollnotifier.model.DeliveryLimits;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.testkit.AllOutcomes;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.enrollnotifier.testkit.ScriptedSmtpServer.Stage;
import org.enrollnotifier.testkit.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each kind of SMTP trouble does to the delivery rows, against a server that scripts it. */
class DeliveryFaultsTest {

    private static final int RECIPIENTS = 5;
    private static final RetryPolicy QUICK_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMinutes(1));

    @RegisterExtension
    final DemoWorkspace demo = new DemoWorkspace();

    private ScriptedSmtpServer server;
    private long notification;
    private List<String> addresses;

    @BeforeEach
    void queue() throws Exception {
        server = new ScriptedSmtpServer();
        Notifier notifier = new Notifier(demo.get());
        Recipients found = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch("Kim"), Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        Set<Long> firstFew = found.recipients(null, RECIPIENTS).items().stream().map(r -> r.user().id())
                .collect(Collectors.toSet());
        Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE, firstFew),
                EnumSet.allOf(EnrollmentType.class));
        notification = notifier.queue(new NotificationDraft("Please enroll", "Hello {firstName}",
                EnumSet.allOf(EnrollmentType.class), "test"), list, server.settings(1));
        // in the order they are sent
        addresses = AllOutcomes.of(demo.get(), notification, null).stream()
                .map(o -> o.address().toLowerCase()).toList();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static Stream<Arguments> transientReplies() {
        return Stream.of("421 4.3.2 Service shutting down", "450 4.2.1 Mailbox busy", "451 4.3.0 Try again later",
                        "452 4.3.1 Insufficient storage")
                .flatMap(reply -> Stream.of(Stage.MAIL, Stage.RCPT, Stage.DATA, Stage.END_OF_DATA)
                        .map(stage -> Arguments.of(stage, reply)));
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("transientReplies")
    void aTransientReplyIsRetriedUntilTheMessageGoes(Stage stage, String reply) {
        server.replyFirst(stage, 2, reply);

        DeliveryReport report = run(1);

        assertEquals(DeliveryReport.Outcome.FINISHED, report.outcome(), report.toString());
        assertEquals(RECIPIENTS, report.counts().sent());
        assertEquals(RECIPIENTS + 2, outcomes().values().stream().mapToInt(DeliveryOutcome::attempts).sum(),
                "each refusal cost one more attempt");
        assertTrue(outcomes().values().stream().allMatch(o -> o.state() == DeliveryState.SENT));
        assertEquals(RECIPIENTS, server.received().size());
    }

    @Test
    void aTransientReplyThatNeverClearsFailsAfterTheLastAttemptWithTheReplyKept() {
        server.rejectRecipient(addresses.get(1), "452 4.2.2 Mailbox full");

        DeliveryReport report = run(1);

        DeliveryOutcome full = outcomes().get(addresses.get(1));
        assertEquals(DeliveryState.FAILED, full.state());
        assertEquals(QUICK_RETRIES.maxAttempts(), full.attempts());
        assertTrue(full.lastReply().contains("452 4.2.2 Mailbox full"), full.lastReply());
        assertEquals(RECIPIENTS - 1, report.counts().sent());
    }

    @Test
    void aTransientReplyFailsOnceTheRetryTimeIsUsedUpEvenWithAttemptsLeft() {
        server.rejectRecipient(addresses.get(1), "451 4.7.1 Greylisted");
        MailSettings settings = server.settings(1);
        RetryPolicy briefly = new RetryPolicy(10, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(1));

        job(settings, briefly).run(notification);

        DeliveryOutcome greylisted = outcomes().get(addresses.get(1));
        assertEquals(DeliveryState.FAILED, greylisted.state());
        assertEquals(1, greylisted.attempts());
        assertTrue(greylisted.lastReply().contains("451 4.7.1 Greylisted"), greylisted.lastReply());
    }

    @Test
    void theRateLimitSpacesMessagesAcrossAllConnections() {
        MailSettings limited = server.settings(3).withLimits(new DeliveryLimits(240, 3, Duration.ofMinutes(1)));

        DeliveryReport report = job(limited, QUICK_RETRIES).run(notification);

        assertEquals(RECIPIENTS, report.counts().sent());
        Duration spacing = Duration.ofMillis(60_000 / 240);
        assertTrue(report.elapsed().compareTo(spacing.multipliedBy(RECIPIENTS - 1)) >= 0,
                "5 messages at 240 a minute take at least 4 × 250 ms, took " + report.elapsed().toMillis() + " ms");
    }

    @Test
    void cancellingWhileWaitingForTheRateLimitEndsPromptlyAndLeavesNothingSending() throws Exception {
        MailSettings slow = server.settings(2).withLimits(new DeliveryLimits(1, 3, Duration.ofMinutes(1)));
        DeliveryJob job = job(slow, QUICK_RETRIES);
        CompletableFuture<DeliveryReport> running =
                CompletableFuture.supplyAsync(() -> job.run(notification));
        assertTrue(server.awaitReceived(1, Duration.ofSeconds(10)), "the first message goes at once");

        job.cancel();
        DeliveryReport report = running.get(10, TimeUnit.SECONDS);

        assertEquals(DeliveryReport.Outcome.CANCELLED, report.outcome());
        assertEquals(1, report.counts().sent());
        assertTrue(outcomes().values().stream().noneMatch(o -> o.state() == DeliveryState.SENDING
                || o.state() == DeliveryState.QUEUED), outcomes().toString());
    }

    @Test
    void aRejectedRecipientFailsAtOnceAndTheOthersStillGo() {
        server.rejectRecipient(addresses.get(2), "550 5.1.1 No such user");

        DeliveryReport report = run(1);

        DeliveryOutcome rejected = outcomes().get(addresses.get(2));
        assertEquals(DeliveryState.FAILED, rejected.state());
        assertEquals(1, rejected.attempts());
        assertTrue(rejected.lastReply().contains("550 5.1.1 No such user"), rejected.lastReply());
        assertEquals(RECIPIENTS - 1, report.counts().sent());
        assertEquals(DeliveryReport.Outcome.FINISHED, report.outcome());
    }

    @Test
    void aMessageRejectedAtTheEndOfDataFailsWithTheReplyKept() {
        server.replyFirst(Stage.END_OF_DATA, 1, "554 5.6.0 Message content rejected");

        DeliveryReport report = run(1);

        DeliveryOutcome rejected = outcomes().get(addresses.get(0));
        assertEquals(DeliveryState.FAILED, rejected.state());
        assertTrue(rejected.lastReply().contains("554 5.6.0"), rejected.lastReply());
        assertEquals(RECIPIENTS - 1, report.counts().sent());
    }

    @Test
    void aPauseDropsTheConnectionThatStartedTheNextMessageAheadAndAfterItEveryoneGetsTheMessageOnce()
            throws Exception {
        MailSettings settings = server.settings(1);
        CountDownLatch paused = new CountDownLatch(1);
        AtomicReference<DeliveryJob> job = new AtomicReference<>();
        job.set(new DeliveryJob(demo.get(), new SmtpTransport(settings, new char[0]), settings, QUICK_RETRIES,
                Clock.systemUTC(), progress -> {
                    // reported as the second message is handed over, with the third started behind it
                    if (progress.counts().sent() == 1 && !progress.paused()) {
                        job.get().pause();
                    } else if (progress.counts().sent() == 2 && progress.paused()) {
                        paused.countDown();
                    }
                }));
        CompletableFuture<DeliveryReport> running = CompletableFuture.supplyAsync(() -> job.get().run(notification));

        assertTrue(paused.await(30, TimeUnit.SECONDS), "the run did not pause");
        job.get().resume();
        DeliveryReport report = running.get(30, TimeUnit.SECONDS);

        assertTrue(report.allSent(), report.toString());
        assertEquals(RECIPIENTS, server.received().stream().map(ScriptedSmtpServer.Received::messageId).distinct()
                .count());
        assertEquals(RECIPIENTS, server.received().size());
        assertEquals(2, server.connections(), "the connection was kept through the pause");
    }

    @Test
    void aServerThatRefusesTheConnectionStopsTheRunWithEverythingStillQueued() {
        server.replyAlways(Stage.CONNECT, "554 5.7.1 No service for you");
        assertStoppedWithEverythingQueued(run(2), "554");
    }

    @Test
    void aServerThatDemandsAuthenticationStopsTheRunWithEverythingStillQueued() {
        server.replyAlways(Stage.MAIL, "530 5.7.0 Authentication required");
        assertStoppedWithEverythingQueued(run(2), "530");
    }

    @Test
    void aConnectionDroppedMidBatchIsReopenedAndEveryoneGetsTheMessageOnce() {
        server.disconnectAt(Stage.RCPT, 3);

        DeliveryReport report = run(1);

        assertEquals(RECIPIENTS, report.counts().sent(), report.toString());
        assertTrue(server.connections() >= 2, "reconnected");
        assertEquals(Set.copyOf(addresses), server.received().stream().map(ScriptedSmtpServer.Received::recipient)
                .collect(Collectors.toSet()));
        assertEquals(RECIPIENTS, server.received().size(), "nobody twice");
    }

    @Test
    void aStalledServerTimesOutAndTheMessageIsRetried() {
        server.stallAt(Stage.DATA, 2);

        DeliveryReport report = run(1);

        assertEquals(RECIPIENTS, report.counts().sent(), report.toString());
        assertEquals(2, outcomes().get(addresses.get(1)).attempts());
        assertTrue(report.elapsed().compareTo(Duration.ofSeconds(20)) < 0, "bounded by the read timeout");
    }

    private void assertStoppedWithEverythingQueued(DeliveryReport report, String code) {
        assertEquals(DeliveryReport.Outcome.STOPPED, report.outcome());
        assertTrue(report.problem().contains(code), report.problem());
        assertEquals(0, report.counts().failed());
        assertTrue(outcomes().values().stream().allMatch(o -> o.state() == DeliveryState.QUEUED),
                outcomes().toString());
    }

    private DeliveryReport run(int connections) {
        return job(server.settings(connections), QUICK_RETRIES).run(notification);
    }

    private DeliveryJob job(MailSettings settings, RetryPolicy retries) {
        return new DeliveryJob(demo.get(), new SmtpTransport(settings, new char[0]), settings, retries,
                Clock.systemUTC(), progress -> { });
    }

    private Map<String, DeliveryOutcome> outcomes() {
        return AllOutcomes.of(demo.get(), notification, null).stream()
                .collect(Collectors.toMap(o -> o.address().toLowerCase(), Function.identity()));
    }
}
