package org.enrollnotifier.app;

import java.time.Duration;
import org.enrollnotifier.model.DeliveryCounts;

/**
 * A snapshot of a running delivery.
 *
 * @param messagesPerSecond messages finished (sent or failed) per second over the last few seconds of this run
 * @param eta               null until the run has gone on long enough to extrapolate from
 */
public record DeliveryProgress(long notificationId, DeliveryCounts counts, double messagesPerSecond, Duration eta,
                               boolean paused) {
}
