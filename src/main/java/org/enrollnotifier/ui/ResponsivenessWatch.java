package org.enrollnotifier.ui;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Notices when the window stops responding: a probe posted to the JavaFX thread every
 * {@value #PROBE_MILLIS} ms must run within {@value #LIMIT_MILLIS} ms, or the delay goes to the
 * log. Long work belongs in the background; a logged stall is a bug to fix.
 */
final class ResponsivenessWatch implements AutoCloseable {

    static final long LIMIT_MILLIS = 100;
    private static final long PROBE_MILLIS = 50;
    private static final Logger LOG = Logger.getLogger(ResponsivenessWatch.class.getName());

    private final Consumer<Runnable> uiThread;
    private final LongSupplier nanoTime;
    private final Consumer<Stall> onStall;
    private final AtomicBoolean probePending = new AtomicBoolean();
    private volatile long probePostedAt;
    private volatile Thread uiThreadSeen;
    /** What the UI thread was doing once the pending probe had waited a probe's interval; null before. */
    private volatile StackTraceElement[] blockedAt;
    private ScheduledExecutorService timer;

    /**
     * A probe that ran late.
     *
     * @param where the UI thread's stack a probe's interval into the wait; empty if the watch had not
     *              seen the UI thread yet
     */
    record Stall(long millis, List<StackTraceElement> where) {
    }

    /** @param onStall told of every probe that ran late */
    ResponsivenessWatch(Consumer<Runnable> uiThread, LongSupplier nanoTime, Consumer<Stall> onStall) {
        this.uiThread = uiThread;
        this.nanoTime = nanoTime;
        this.onStall = onStall;
    }

    static ResponsivenessWatch logging(Consumer<Runnable> uiThread) {
        return new ResponsivenessWatch(uiThread, System::nanoTime, stall -> LOG.warning(
                "The window did not respond for " + stall.millis() + " ms (limit " + LIMIT_MILLIS + " ms)."
                        + whereText(stall.where())));
    }

    /** The UI thread's stack, taken while it was late, so the log names the culprit. */
    private static String whereText(List<StackTraceElement> stack) {
        if (stack.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" The UI thread was at:");
        for (StackTraceElement frame : stack) {
            text.append(System.lineSeparator()).append("\tat ").append(frame);
        }
        return text.toString();
    }

    /** Learns the UI thread at once, so that a stall before the first probe runs is located too. */
    void start() {
        uiThread.accept(() -> uiThreadSeen = Thread.currentThread());
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "enroll-notifier-responsiveness");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::probe, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Posts one probe unless the last is still waiting; a waiting probe measures the whole stall. */
    void probe() {
        if (!probePending.compareAndSet(false, true)) {
            noteWhereBlocked();
            return;
        }
        long posted = nanoTime.getAsLong();
        probePostedAt = posted;
        blockedAt = null;
        uiThread.accept(() -> {
            uiThreadSeen = Thread.currentThread();
            long delayMillis = TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - posted);
            if (delayMillis > LIMIT_MILLIS) {
                StackTraceElement[] where = blockedAt;
                onStall.accept(new Stall(delayMillis, where == null ? List.of() : List.of(where)));
            }
            probePending.set(false);
        });
    }

    /**
     * Takes the UI thread's stack once the pending probe has waited a probe's interval: waiting for
     * the limit instead, a stall under one and a half intervals (the cold start's, 104–144 ms) was
     * logged without it, the timer not coming round again before the probe ran.
     */
    private void noteWhereBlocked() {
        Thread ui = uiThreadSeen;
        long waitingMillis = TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - probePostedAt);
        if (ui != null && blockedAt == null && waitingMillis >= PROBE_MILLIS) {
            blockedAt = ui.getStackTrace();
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
