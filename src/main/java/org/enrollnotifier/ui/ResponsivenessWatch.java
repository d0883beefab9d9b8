package org.enrollnotifier.ui;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
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
    private final LongConsumer onStall;
    private final AtomicBoolean probePending = new AtomicBoolean();
    private volatile long probePostedAt;
    private volatile Thread uiThreadSeen;
    /** What the UI thread was doing while the pending probe waited past the limit; null if it did not. */
    private volatile StackTraceElement[] blockedAt;
    private ScheduledExecutorService timer;

    /** @param onStall told the delay in milliseconds of every probe that ran late */
    ResponsivenessWatch(Consumer<Runnable> uiThread, LongSupplier nanoTime, LongConsumer onStall) {
        this.uiThread = uiThread;
        this.nanoTime = nanoTime;
        this.onStall = onStall;
    }

    static ResponsivenessWatch logging(Consumer<Runnable> uiThread) {
        ResponsivenessWatch[] watch = new ResponsivenessWatch[1];
        watch[0] = new ResponsivenessWatch(uiThread, System::nanoTime, millis -> LOG.warning(
                "The window did not respond for " + millis + " ms (limit " + LIMIT_MILLIS + " ms)."
                        + watch[0].blockedAtText()));
        return watch[0];
    }

    /** The UI thread's stack, taken while it was late, so the log names the culprit. */
    private String blockedAtText() {
        StackTraceElement[] stack = blockedAt;
        if (stack == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(" The UI thread was at:");
        for (StackTraceElement frame : stack) {
            text.append(System.lineSeparator()).append("\tat ").append(frame);
        }
        return text.toString();
    }

    void start() {
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
                onStall.accept(delayMillis);
            }
            probePending.set(false);
        });
    }

    private void noteWhereBlocked() {
        Thread ui = uiThreadSeen;
        long waitingMillis = TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - probePostedAt);
        if (ui != null && blockedAt == null && waitingMillis > LIMIT_MILLIS) {
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
