package org.enrollnotifier.model;

import java.time.Instant;

/**
 * A message about to go: the recipient as they were when the notification was queued (so a
 * re-import cannot change what they receive), how often it was tried, and its fixed Message-ID.
 *
 * @param firstAttemptAt when this message was first tried, which bounds how long it is retried
 */
public record PendingDelivery(
        long id,
        long notificationId,
        String address,
        String firstName,
        String lastName,
        String displayName,
        String username,
        String storeName,
        int attempts,
        String messageId,
        Instant firstAttemptAt) {
}
