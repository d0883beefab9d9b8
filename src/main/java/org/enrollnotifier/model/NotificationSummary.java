package org.enrollnotifier.model;

import java.time.Instant;
import java.util.Set;

/** A queued or sent notification as history lists it. */
public record NotificationSummary(long id, Instant createdAt, String operator, String audience, String subject,
                                  Set<EnrollmentType> types, DeliveryCounts counts) {
}
