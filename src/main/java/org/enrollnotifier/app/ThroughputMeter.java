package org.enrollnotifier.app;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The sending rate and time left as an operator should read them: over the last few seconds, so the
 * slow start (connecting, a cold JVM) does not linger in the figure, or over the whole run when
 * nothing finished in those seconds; and no time left until the run has gone on long enough for a
 * rate to mean something.
 */
final class ThroughputMeter {

    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Duration SETTLING = Duration.ofSeconds(1);
    private static final long SAMPLE_SPACING_NANOS = 100_000_000;

    private long startNanos;
    private long finishedAtStart;
    /** (time, finished) pairs at least {@link #SAMPLE_SPACING_NANOS} apart, oldest first, one older than the window. */
    private final Deque<long[]> samples = new ArrayDeque<>();

    /** A reading: messages per second, and the time left or null while there is none to give. */
    record Reading(double perSecond, Duration left) {
    }

    ThroughputMeter(long startNanos) {
        restart(startNanos, 0);
    }

    /** Measures afresh from now, e.g. on resuming after a pause, which would otherwise weigh on the rate. */
    synchronized void restart(long nowNanos, long finished) {
        startNanos = nowNanos;
        finishedAtStart = finished;
        samples.clear();
        samples.add(new long[] {nowNanos, finished});
    }

    /** @param finished messages finished this run so far; {@code left} those still to go */
    synchronized Reading read(long nowNanos, long finished, long left) {
        if (nowNanos - samples.getLast()[0] >= SAMPLE_SPACING_NANOS) {
            samples.addLast(new long[] {nowNanos, finished});
        }
        long windowStart = nowNanos - WINDOW.toNanos();
        while (samples.size() > 1) {
            long[] oldest = samples.removeFirst();
            if (samples.getFirst()[0] > windowStart) {
                samples.addFirst(oldest);
                break;
            }
        }
        long[] base = samples.getFirst();
        long elapsed = nowNanos - base[0];
        double perSecond = elapsed > 0 ? (finished - base[1]) * 1e9 / elapsed : 0;
        if (perSecond == 0 && nowNanos > startNanos) {
            // a pause, a wait for retries or a slow rate limit: the run's average says more than zero
            perSecond = (finished - finishedAtStart) * 1e9 / (nowNanos - startNanos);
        }
        boolean settled = nowNanos - startNanos >= SETTLING.toNanos();
        Duration eta = settled && perSecond > 0 ? Duration.ofSeconds(Math.round(left / perSecond)) : null;
        return new Reading(perSecond, eta);
    }
}
