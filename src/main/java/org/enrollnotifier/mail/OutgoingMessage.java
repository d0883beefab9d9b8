package org.enrollnotifier.mail;

import java.util.Objects;

/**
 * One rendered message for one recipient, ready for a transport.
 *
 * @param messageId the Message-ID without angle brackets, unique, stored on the delivery row
 * @param html      the HTML alternative, with every per-user value already escaped
 */
public record OutgoingMessage(
        String messageId,
        String fromName,
        String fromAddress,
        String toName,
        String toAddress,
        String subject,
        String text,
        String html) {

    public OutgoingMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(toAddress, "toAddress");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        fromName = Objects.requireNonNullElse(fromName, "");
        toName = Objects.requireNonNullElse(toName, "");
    }
}
