package org.enrollnotifier.model;

/**
 * A message about to go: the recipient as they were when the notification was queued (so a
 * re-import cannot change what they receive), how often it was tried, and its fixed Message-ID.
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
        String messageId) {
}
