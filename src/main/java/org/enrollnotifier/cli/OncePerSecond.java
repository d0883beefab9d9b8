package org.enrollnotifier.cli;

/** Paces progress lines on stderr, so a fast run does not flood the terminal. */
final class OncePerSecond {

    private static final long SECOND_NANOS = 1_000_000_000L;

    private long last;

    /** @param dueAtOnce whether the first line may print before a second has passed */
    OncePerSecond(boolean dueAtOnce) {
        last = System.nanoTime() - (dueAtOnce ? SECOND_NANOS : 0);
    }

    /** True at most once a second; a true answer starts the next second. */
    synchronized boolean due() {
        long now = System.nanoTime();
        if (now - last < SECOND_NANOS) {
            return false;
        }
        last = now;
        return true;
    }
}
