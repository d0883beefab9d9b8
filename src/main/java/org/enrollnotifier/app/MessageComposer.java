package org.enrollnotifier.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.enrollnotifier.mail.MessageTemplate;
import org.enrollnotifier.mail.OutgoingMessage;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationContent;
import org.enrollnotifier.model.PendingDelivery;

/** Fills a notification's subject and message with one recipient's values. */
final class MessageComposer {

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    private MessageComposer() {
    }

    static OutgoingMessage compose(NotificationContent content, PendingDelivery delivery, MailSettings settings) {
        Map<String, String> values = values(delivery.firstName(), delivery.lastName(), delivery.displayName(),
                delivery.username(), delivery.address(), delivery.storeName(), content.types(),
                settings.enrollmentUrl());
        return new OutgoingMessage(delivery.messageId(), settings.fromName(), settings.fromAddress(),
                delivery.displayName(), delivery.address(),
                oneLine(MessageTemplate.renderText(content.subject(), values)),
                MessageTemplate.renderText(content.messageTemplate(), values),
                MessageTemplate.renderHtml(content.messageTemplate(), values));
    }

    /** A directory value with a line break must not split the subject header; the operator's own text was checked. */
    private static String oneLine(String subject) {
        return CONTROL_CHARACTERS.matcher(subject).replaceAll(" ");
    }

    static Map<String, String> values(DirectoryUser user, Set<EnrollmentType> types, String enrollmentUrl) {
        return values(user.firstName(), user.lastName(), user.displayName(), user.username(),
                user.email() == null ? "" : user.email(), user.storeName(), types, enrollmentUrl);
    }

    private static Map<String, String> values(String firstName, String lastName, String displayName, String username,
                                              String email, String storeName, Set<EnrollmentType> types,
                                              String enrollmentUrl) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstName", firstName.isBlank() ? displayName : firstName);
        values.put("lastName", lastName);
        values.put("displayName", displayName);
        values.put("username", username);
        values.put("email", email);
        values.put("identityStore", storeName);
        values.put("enrollmentTypes", types.stream().map(EnrollmentType::label).collect(Collectors.joining(", ")));
        values.put("enrollmentUrl", enrollmentUrl);
        return values;
    }
}
