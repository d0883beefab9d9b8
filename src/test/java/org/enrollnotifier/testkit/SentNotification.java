package org.enrollnotifier.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.enrollnotifier.app.DeliveryJob;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.app.Recipients;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.store.NotificationRepository;

/**
 * A notification sent to the pickup folder, one of whose recipients then failed as if the server
 * had rejected it: the state a helpdesk finds in its history after a send.
 */
public record SentNotification(long id, int recipients, String failedAddress, String failedReply) {

    public static final String REPLY = "550 5.1.1 Mailbox unavailable";

    public static SentNotification create(Workspace workspace, String search) {
        Notifier notifier = new Notifier(workspace);
        Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch(search), Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        long id = notifier.queue(new NotificationDraft("Please enroll", "Hello {firstName}",
                EnumSet.allOf(EnrollmentType.class), "search " + search), list, MailSettings.DEFAULT);
        DeliveryJob.create(workspace, MailSettings.DEFAULT, new char[0], progress -> { }).run(id);
        String failed = workspace.database().write(c -> {
            long deliveryId;
            String address;
            try (var statement = c.prepareStatement(
                    "SELECT id, address FROM delivery WHERE notification_id = ? ORDER BY id LIMIT 1")) {
                statement.setLong(1, id);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    deliveryId = rs.getLong(1);
                    address = rs.getString(2);
                }
            }
            new NotificationRepository().markFailed(c, deliveryId, REPLY);
            return address;
        });
        return new SentNotification(id, (int) list.counts().recipients(), failed, REPLY);
    }

    public static long messagesIn(Path dataFolder) throws IOException {
        try (Stream<Path> files = Files.list(dataFolder.resolve("pickup"))) {
            return files.filter(file -> file.toString().endsWith(".eml")).count();
        }
    }
}
