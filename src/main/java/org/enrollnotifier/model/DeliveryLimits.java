package org.enrollnotifier.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard delivery may push and how long it keeps trying.
 *
 * @param messagesPerMinute 0 for no limit; for providers that throttle
 * @param maxAttempts       attempts per message in all, the first included
 * @param retryFor          after this long since a message's first attempt, a transient failure is final
 */
public record DeliveryLimits(int messagesPerMinute, int maxAttempts, Duration retryFor) {

    public static final DeliveryLimits DEFAULT = new DeliveryLimits(0, 5, Duration.ofHours(24));

    public DeliveryLimits {
        if (messagesPerMinute < 0 || messagesPerMinute > 100_000) {
            throw new IllegalArgumentException("messages per minute must be 0–100000, not " + messagesPerMinute);
        }
        if (maxAttempts < 1 || maxAttempts > 50) {
            throw new IllegalArgumentException("attempts must be 1–50, not " + maxAttempts);
        }
        Objects.requireNonNull(retryFor, "retryFor");
    }
}
