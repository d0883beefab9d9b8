package org.enrollnotifier.app;

/**
 * Spaces messages evenly for providers that throttle: every worker reserves the next free slot,
 * so N connections together never exceed the rate.
 */
final class RateLimiter {

    private final long intervalNanos;
    private long nextSlot = Long.MIN_VALUE;

    /** @param perMinute 0 for no limit */
    RateLimiter(int perMinute) {
        this.intervalNanos = perMinute > 0 ? 60_000_000_000L / perMinute : 0;
    }

    boolean limits() {
        return intervalNanos > 0;
    }

    /** The {@link System#nanoTime()} at which the caller may send, reserved for it alone. */
    synchronized long reserve(long nowNanos) {
        long slot = nextSlot == Long.MIN_VALUE ? nowNanos : Math.max(nowNanos, nextSlot);
        nextSlot = slot + intervalNanos;
        return slot;
    }
}
