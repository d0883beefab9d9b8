package org.enrollnotifier.model;

import java.util.Set;

/** What every recipient of one notification is sent, before their own values are filled in. */
public record NotificationContent(long id, String subject, String messageTemplate, Set<EnrollmentType> types) {
}
