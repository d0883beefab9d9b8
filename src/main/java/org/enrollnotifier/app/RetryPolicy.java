package org.enrollnotifier.app;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a message again after a transient failure: exponential backoff with jitter, so a
 * throttling server is not hammered in lockstep, bounded by a number of attempts.
 *
 * @param maxAttempts attempts in all, the first included
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(30));
    private static final double JITTER = 0.2;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
        }
    }

    public boolean mayRetryAfter(int attempts) {
        return attempts < maxAttempts;
    }

    /** The wait after the given number of failed attempts (1 = after the first). */
    public Duration delayAfter(int attempts) {
        long base = firstDelay.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, maxDelay.toMillis());
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Duration.ofMillis(Math.max(0, Math.round(capped * factor)));
    }
}
