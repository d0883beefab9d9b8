package org.enrollnotifier.app;

import java.time.Duration;
import org.enrollnotifier.model.DeliveryCounts;

/**
 * A snapshot of a running delivery.
 *
 * @param messagesPerSecond messages finished (sent or failed) per second since this run started
 * @param eta               null until there is a rate to extrapolate from
 */
public record DeliveryProgress(long notificationId, DeliveryCounts counts, double messagesPerSecond, Duration eta,
                               boolean paused) {
}
