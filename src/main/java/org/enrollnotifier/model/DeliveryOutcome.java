package org.enrollnotifier.model;

import java.time.Instant;

/**
 * What happened to one recipient's message.
 *
 * @param lastAttemptAt null until the first attempt
 * @param lastReply     the server's last reply, or why it was not sent; empty when there is none
 */
public record DeliveryOutcome(String displayName, String address, String storeName, DeliveryState state,
                              int attempts, String lastReply, Instant lastAttemptAt, String messageId) {
}
