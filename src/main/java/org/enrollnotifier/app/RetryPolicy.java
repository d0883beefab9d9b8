package org.enrollnotifier.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.enrollnotifier.model.DeliveryLimits;

/**
 * When to try a message again after a transient failure: exponential backoff with jitter, so a
 * throttling server is not hammered in lockstep, bounded by a number of attempts and a time.
 *
 * @param maxAttempts attempts in all, the first included
 * @param retryFor    no retry is scheduled later than this after the first attempt
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration retryFor) {

    private static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    private static final Duration MAX_DELAY = Duration.ofMinutes(30);
    private static final double JITTER = 0.2;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
        }
    }

    static RetryPolicy of(DeliveryLimits limits) {
        return new RetryPolicy(limits.maxAttempts(), FIRST_DELAY, MAX_DELAY, limits.retryFor());
    }

    /** The time of the next attempt, or empty when the message has had its chances. */
    public Optional<Instant> nextAttempt(int attempts, Instant firstAttempt, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        Instant next = now.plus(delayAfter(attempts));
        return next.isAfter(firstAttempt.plus(retryFor)) ? Optional.empty() : Optional.of(next);
    }

    /** The wait after the given number of failed attempts (1 = after the first). */
    public Duration delayAfter(int attempts) {
        long base = firstDelay.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, maxDelay.toMillis());
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Duration.ofMillis(Math.max(0, Math.round(capped * factor)));
    }
}
