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

/** Fills a notification's subject and message with each recipient's values; the templates are split once. */
final class MessageComposer {

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    private final MailSettings settings;
    private final String typeLabels;
    private final MessageTemplate.Compiled subject;
    private final MessageTemplate.Compiled text;
    private final MessageTemplate.Compiled html;

    MessageComposer(NotificationContent content, MailSettings settings) {
        this.settings = settings;
        this.typeLabels = labels(content.types());
        this.subject = MessageTemplate.compileText(content.subject());
        this.text = MessageTemplate.compileText(content.messageTemplate());
        this.html = MessageTemplate.compileHtml(content.messageTemplate());
    }

    OutgoingMessage compose(PendingDelivery delivery) {
        Map<String, String> values = values(delivery.firstName(), delivery.lastName(), delivery.displayName(),
                delivery.username(), delivery.address(), delivery.storeName(), typeLabels, settings.enrollmentUrl());
        return new OutgoingMessage(delivery.messageId(), settings.fromName(), settings.fromAddress(),
                delivery.displayName(), delivery.address(), oneLine(subject.render(values)), text.render(values),
                html.render(values));
    }

    /** A directory value with a line break must not split the subject header; the operator's own text was checked. */
    private static String oneLine(String subject) {
        return CONTROL_CHARACTERS.matcher(subject).replaceAll(" ");
    }

    static Map<String, String> values(DirectoryUser user, Set<EnrollmentType> types, String enrollmentUrl) {
        return values(user.firstName(), user.lastName(), user.displayName(), user.username(),
                user.email() == null ? "" : user.email(), user.storeName(), labels(types), enrollmentUrl);
    }

    private static String labels(Set<EnrollmentType> types) {
        return types.stream().map(EnrollmentType::label).collect(Collectors.joining(", "));
    }

    private static Map<String, String> values(String firstName, String lastName, String displayName, String username,
                                              String email, String storeName, String typeLabels,
                                              String enrollmentUrl) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstName", firstName.isBlank() ? displayName : firstName);
        values.put("lastName", lastName);
        values.put("displayName", displayName);
        values.put("username", username);
        values.put("email", email);
        values.put("identityStore", storeName);
        values.put("enrollmentTypes", typeLabels);
        values.put("enrollmentUrl", enrollmentUrl);
        return values;
    }
}
