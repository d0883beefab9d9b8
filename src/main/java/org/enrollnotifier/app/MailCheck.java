package org.enrollnotifier.app;

import java.util.Optional;
import java.util.UUID;
import org.enrollnotifier.mail.HeaderSafety;
import org.enrollnotifier.mail.MailConnection;
import org.enrollnotifier.mail.MailFailure;
import org.enrollnotifier.mail.MailTransport;
import org.enrollnotifier.mail.OutgoingMessage;
import org.enrollnotifier.model.MailSettings;

/** "Test connection" and "Send test message to…": try the settings before trusting them with a notification. */
public final class MailCheck {

    private MailCheck() {
    }

    /** Why the text is not a usable email address; empty when it is. */
    public static Optional<String> addressProblem(String address) {
        try {
            HeaderSafety.parseAddress(address);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Why the text cannot go into a mail header; empty when it can. */
    public static Optional<String> headerTextProblem(String field, String text) {
        try {
            HeaderSafety.requireSafeHeaderText(field, text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Connects (and logs in, when the settings have a user) and disconnects; returns what happened, in words. */
    public static String testConnection(Workspace workspace, MailSettings settings, char[] password) {
        MailTransport transport = MailTransports.forSettings(workspace, settings, password);
        try (MailConnection ignored = transport.open()) {
            return "Connected to " + transport.describe() + ".";
        } catch (MailFailure e) {
            return "Could not connect: " + e.reply();
        }
    }

    /** Sends one short message to the given address; returns what happened, in words. */
    public static String sendTestMessage(Workspace workspace, MailSettings settings, char[] password, String to) {
        MailTransport transport = MailTransports.forSettings(workspace, settings, password);
        String address;
        try {
            address = HeaderSafety.parseAddress(to);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String text = "This is a test message from Enroll Notifier. If you can read it, notifications will reach"
                + " their recipients through " + transport.describe() + ".";
        OutgoingMessage message = new OutgoingMessage(UUID.randomUUID() + "@enroll-notifier.test", settings.fromName(),
                settings.fromAddress(), "", address, "Enroll Notifier test message", text, "<p>" + text + "</p>");
        try (MailConnection connection = transport.open()) {
            connection.send(message);
            return "Test message sent to " + address + " through " + transport.describe() + ".";
        } catch (MailFailure e) {
            return "The test message was not sent: " + e.reply();
        } catch (IllegalArgumentException e) {
            return "The test message was not sent: " + e.getMessage();
        }
    }
}
