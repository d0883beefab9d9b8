package org.enrollnotifier.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.enrollnotifier.mail.MailConnection;
import org.enrollnotifier.mail.MailFailure;
import org.enrollnotifier.mail.MailTransport;
import org.enrollnotifier.mail.OutgoingMessage;
import org.enrollnotifier.model.DeliveryCounts;
import org.enrollnotifier.model.FailedDelivery;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.PendingDelivery;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.NotificationRepository;

/**
 * Sends one notification's queued deliveries. Several workers, each with its own connection kept
 * open for many messages, claim rows a few at a time from the delivery table and put back those
 * they did not start, so whatever stops this run — pause, cancel, a refusing server, a crash — the
 * table says exactly what is left.
 *
 * <p>{@link #run} blocks until the notification is done or the run stops; {@link #pause},
 * {@link #resume} and {@link #cancel} may be called from any thread meanwhile. Progress is reported
 * from worker threads.
 */
public final class DeliveryJob {

    public static final String CANCELLED_REPLY = "Not sent: cancelled by the operator.";
    private static final Logger LOG = Logger.getLogger(DeliveryJob.class.getName());
    private static final long LONGEST_IDLE_WAIT_MILLIS = 1_000;
    /** Rows a worker claims in one statement: 16 cut the claims' CPU per message to a third (profiled). */
    private static final int CLAIMED_AT_ONCE = 16;

    private final Database database;
    private final NotificationRepository outbox;
    private final MailTransport transport;
    private final MailSettings settings;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Consumer<DeliveryProgress> listener;
    private final RateLimiter rate;

    private final Object gate = new Object();
    private boolean paused;
    private boolean cancelled;
    private String stopProblem = "";

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger finishedThisRun = new AtomicInteger();
    private volatile int total;
    private volatile long startNanos;
    private final ThroughputMeter meter = new ThroughputMeter(System.nanoTime());
    private volatile long notificationId;

    /** A job sending through the SMTP server of the settings, or the pickup folder while there is none. */
    public static DeliveryJob create(Workspace workspace, MailSettings settings, char[] password,
                                     Consumer<DeliveryProgress> listener) {
        return through(workspace, MailTransports.forSettings(workspace, settings, password), settings, listener);
    }

    /** A job sending through the given transport, with the delivery settings and limits of the settings. */
    public static DeliveryJob through(Workspace workspace, MailTransport transport, MailSettings settings,
                                      Consumer<DeliveryProgress> listener) {
        return new DeliveryJob(workspace, transport, settings, RetryPolicy.of(settings.limits()), Clock.systemUTC(),
                listener);
    }

    DeliveryJob(Workspace workspace, MailTransport transport, MailSettings settings, RetryPolicy retry, Clock clock,
                Consumer<DeliveryProgress> listener) {
        this.database = workspace.database();
        this.outbox = workspace.outbox();
        this.transport = transport;
        this.settings = settings;
        this.retry = retry;
        this.clock = clock;
        this.listener = listener;
        this.rate = new RateLimiter(settings.limits().messagesPerMinute());
    }

    /** Where this job sends, for the operator. */
    public String destination() {
        return transport.describe();
    }

    public DeliveryReport run(long notification) {
        notificationId = notification;
        startNanos = System.nanoTime();
        meter.restart(startNanos, 0);
        MessageComposer composer = new MessageComposer(database.read(c -> outbox.content(c, notification)), settings);
        DeliveryCounts start = database.read(c -> outbox.counts(c, notification));
        total = start.total();
        sent.set(start.sent());
        failed.set(start.failed());
        report();
        ExecutorService workers = Executors.newFixedThreadPool(settings.parallelConnections(), task -> {
            Thread thread = new Thread(task, "delivery-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // a worker that finds nothing to claim quits; a message another worker then defers needs a new round.
            // An interrupted run ends: its workers are interrupted below, and a new round would not wait for them.
            while (shouldGoOn() && !counts().finished() && !Thread.currentThread().isInterrupted()) {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < settings.parallelConnections(); i++) {
                    running.add(workers.submit(new Worker(composer)::run));
                }
                awaitAll(running);
            }
        } finally {
            workers.shutdownNow();
        }
        return finish(notification);
    }

    private DeliveryReport finish(long notification) {
        boolean wasCancelled;
        String problem;
        synchronized (gate) {
            wasCancelled = cancelled;
            problem = stopProblem;
        }
        if (wasCancelled) {
            database.write(c -> outbox.failRemaining(c, notification, CANCELLED_REPLY));
        }
        DeliveryCounts counts = database.read(c -> outbox.counts(c, notification));
        DeliveryReport.Outcome outcome = wasCancelled ? DeliveryReport.Outcome.CANCELLED
                : problem.isEmpty() ? DeliveryReport.Outcome.FINISHED : DeliveryReport.Outcome.STOPPED;
        List<FailedDelivery> failures = database.read(c -> outbox.failures(c, notification,
                DeliveryReport.FAILURES_LISTED));
        return new DeliveryReport(notification, outcome, counts, failures, problem,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private static void awaitAll(List<Future<?>> running) {
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException("A delivery worker failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /**
     * One connection's loop. It claims a few rows at a time, so their state changes share one
     * statement, and puts back those it has not started when the run stops. A sent message's mark
     * is queued for a shared transaction and awaited only just before the next message is handed
     * over to the server: the commit overlaps with that message's commands and body, and is mostly
     * shared with the other workers' marks; a crash still leaves at most one message per connection
     * sent but not recorded.
     */
    private final class Worker {

        private final MessageComposer composer;
        private final Deque<PendingDelivery> claimed = new ArrayDeque<>();
        private MailConnection connection;
        private Announced announced;
        private Database.Pending<?> sentMark;

        Worker(MessageComposer composer) {
            this.composer = composer;
        }

        void run() {
            try {
                while (true) {
                    if (!mayStartMessage()) {
                        // the table is right before the count that reports the pause
                        if (announced != null) {
                            dropConnection();
                        }
                        releaseClaimed();
                        confirmSent();
                        if (awaitGo()) {
                            continue;
                        }
                        return;
                    }
                    Optional<PendingDelivery> next = takeNext();
                    if (next.isEmpty()) {
                        confirmSent();
                        Optional<Instant> retryAt = database.read(c -> outbox.nextRetryAt(c, notificationId));
                        if (retryAt.isEmpty()) {
                            return;
                        }
                        waitUntil(retryAt.get());
                    } else if (awaitRateSlot()) {
                        deliver(next.get());
                    } else {
                        claimed.addFirst(next.get());
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (connection != null) {
                    connection.close();
                }
                confirmSent();
                releaseClaimed();
            }
        }

        private Optional<PendingDelivery> takeNext() {
            claimIfNoneLeft();
            return Optional.ofNullable(claimed.poll());
        }

        private void claimIfNoneLeft() {
            if (claimed.isEmpty()) {
                claimed.addAll(database.writeShared(
                        c -> outbox.claimNext(c, notificationId, clock.instant(), claimSize())));
            }
        }

        /** Returns once the last message sent is recorded as sent, and counts it. */
        private void confirmSent() {
            if (sentMark == null) {
                return;
            }
            Database.Pending<?> mark = sentMark;
            sentMark = null;
            mark.await();
            sent.incrementAndGet();
            finishedThisRun.incrementAndGet();
            report();
        }

        /**
         * Queues the sent mark, after the one before it is confirmed: the send's gate did that
         * already, but a mark replaced unconfirmed would never be counted.
         */
        private void recordSent(PendingDelivery delivery) {
            confirmSent();
            Instant at = clock.instant();
            sentMark = database.writeLater(c -> {
                outbox.markSent(c, delivery.id(), "", at);
                return null;
            });
        }

        private void releaseClaimed() {
            if (claimed.isEmpty()) {
                return;
            }
            List<PendingDelivery> unstarted = List.copyOf(claimed);
            claimed.clear();
            database.write(c -> {
                for (PendingDelivery delivery : unstarted) {
                    outbox.release(c, delivery.id(), "");
                }
                return null;
            });
        }

        /**
         * Sends one claimed message; a failure is recorded at once, a success by the time the next
         * one leaves. The connection is told which message follows, so that it may start it behind
         * this one's end; it must then get that one next, or be closed.
         */
        private void deliver(PendingDelivery delivery) {
            Announced following = null;
            try {
                OutgoingMessage message = announcedMessage(delivery);
                if (connection == null) {
                    connection = transport.open();
                }
                following = following();
                connection.send(message, this::confirmSent, following == null ? null : following.message());
                recordSent(delivery);
            } catch (MailFailure failure) {
                connection = recordFailure(delivery, failure, connection);
            } catch (IllegalArgumentException unsendable) {
                // the message itself cannot be built (e.g. an address that does not parse): no retry helps
                fail(delivery, unsendable.getMessage());
            } finally {
                announced = connection == null ? null : following;
            }
        }

        /**
         * The message for the delivery, as announced to the connection if it was; a connection that
         * expects another one is closed.
         */
        private OutgoingMessage announcedMessage(PendingDelivery delivery) {
            Announced expected = announced;
            announced = null;
            if (expected != null && expected.delivery().id() == delivery.id()) {
                return expected.message();
            }
            if (expected != null) {
                dropConnection();
            }
            return composer.compose(delivery);
        }

        /** The claimed message this worker sends next, if it goes on at once and the message can be built. */
        private Announced following() {
            if (rate.limits() || !mayStartMessage()) {
                return null;
            }
            claimIfNoneLeft();
            PendingDelivery next = claimed.peek();
            if (next == null) {
                return null;
            }
            try {
                return new Announced(next, composer.compose(next));
            } catch (IllegalArgumentException unsendable) {
                return null;
            }
        }

        /** A message started ahead on the connection is dropped with it: nothing of it is delivered. */
        private void dropConnection() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
            announced = null;
        }
    }

    /** The message a worker told its connection it sends next. */
    private record Announced(PendingDelivery delivery, OutgoingMessage message) {
    }

    /** Under a rate limit a claimed row may wait long for its turn: claim one at a time, as it is due. */
    private int claimSize() {
        return rate.limits() ? 1 : CLAIMED_AT_ONCE;
    }

    private MailConnection recordFailure(PendingDelivery delivery, MailFailure failure, MailConnection open) {
        LOG.log(Level.INFO, "Delivery " + delivery.id() + " to " + delivery.address() + ": " + failure.kind() + " "
                + failure.reply());
        switch (failure.kind()) {
            case PERMANENT -> {
                fail(delivery, failure.reply());
                return open;
            }
            case TRANSIENT -> {
                Optional<Instant> next = retry.nextAttempt(delivery.attempts(), delivery.firstAttemptAt(), clock.instant());
                if (next.isPresent()) {
                    database.write(c -> {
                        outbox.markRetry(c, delivery.id(), failure.reply(), next.get());
                        return null;
                    });
                } else {
                    fail(delivery, failure.reply());
                }
            }
            case FATAL -> {
                database.write(c -> {
                    outbox.release(c, delivery.id(), failure.reply());
                    return null;
                });
                stop(failure.reply());
            }
        }
        // after a transient or fatal failure the connection's state is unknown: start afresh
        if (open != null) {
            open.close();
        }
        return null;
    }

    private void fail(PendingDelivery delivery, String reply) {
        database.write(c -> {
            outbox.markFailed(c, delivery.id(), reply);
            return null;
        });
        failed.incrementAndGet();
        finishedThisRun.incrementAndGet();
        report();
    }

    private boolean awaitGo() throws InterruptedException {
        synchronized (gate) {
            while (paused && shouldGoOn()) {
                gate.wait();
            }
            return shouldGoOn();
        }
    }

    /** Whether a worker may claim another message now, without waiting. */
    private boolean mayStartMessage() {
        synchronized (gate) {
            return !paused && shouldGoOn();
        }
    }

    private boolean shouldGoOn() {
        synchronized (gate) {
            return !cancelled && stopProblem.isEmpty();
        }
    }

    private void waitUntil(Instant due) throws InterruptedException {
        long millis = Duration.between(clock.instant(), due).toMillis();
        if (millis > 0) {
            synchronized (gate) {
                gate.wait(Math.min(millis, LONGEST_IDLE_WAIT_MILLIS));
            }
        }
    }

    /** Waits for this worker's turn under the rate limit; false when the run is cancelled or stopped meanwhile. */
    private boolean awaitRateSlot() throws InterruptedException {
        if (!rate.limits()) {
            return true;
        }
        long slot = rate.reserve(System.nanoTime());
        synchronized (gate) {
            for (long left = slot - System.nanoTime(); left > 0; left = slot - System.nanoTime()) {
                if (!shouldGoOn()) {
                    return false;
                }
                gate.wait(Math.max(1, Math.min(left / 1_000_000, LONGEST_IDLE_WAIT_MILLIS)));
            }
        }
        return shouldGoOn();
    }

    private void stop(String problem) {
        synchronized (gate) {
            if (stopProblem.isEmpty()) {
                stopProblem = problem;
            }
            gate.notifyAll();
        }
    }

    /** In-flight messages finish; no new one starts until {@link #resume}. */
    public void pause() {
        synchronized (gate) {
            paused = true;
        }
        report();
    }

    public void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
        meter.restart(System.nanoTime(), finishedThisRun.get());
        report();
    }

    /** Stops after the in-flight messages; the rest is marked failed with {@link #CANCELLED_REPLY}. */
    public void cancel() {
        synchronized (gate) {
            cancelled = true;
            gate.notifyAll();
        }
    }

    private DeliveryCounts counts() {
        return new DeliveryCounts(total, sent.get(), failed.get());
    }

    private void report() {
        DeliveryCounts counts = counts();
        ThroughputMeter.Reading reading = meter.read(System.nanoTime(), finishedThisRun.get(), counts.left());
        boolean isPaused;
        synchronized (gate) {
            isPaused = paused;
        }
        listener.accept(new DeliveryProgress(notificationId, counts, reading.perSecond(), reading.left(), isPaused));
    }
}
