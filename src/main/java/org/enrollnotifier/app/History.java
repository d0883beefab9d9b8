package org.enrollnotifier.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.model.NotificationSummary;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.NotificationRepository;

/** Sent notifications: what was sent, to whom, with what outcome; retry the failures. Blocking. */
public final class History {

    private final Database database;
    private final NotificationRepository outbox = new NotificationRepository();

    public History(Workspace workspace) {
        this.database = workspace.database();
    }

    /** Newest first. */
    public List<NotificationSummary> notifications() {
        return database.read(outbox::all);
    }

    /** @param state null for every recipient */
    public List<DeliveryOutcome> outcomes(long notificationId, DeliveryState state) {
        return database.read(c -> outbox.outcomes(c, notificationId, state));
    }

    /** Queues the failed recipients again, and only them; returns how many. Send them with a delivery run. */
    public int retryFailed(long notificationId) {
        return database.write(c -> outbox.requeueFailed(c, notificationId));
    }

    /** Writes every recipient's outcome as CSV (UTF-8, header row). */
    public void export(long notificationId, Path file) throws IOException {
        List<DeliveryOutcome> outcomes = outcomes(notificationId, null);
        CsvFiles.write(file, new String[] {"Name", "Address", "Identity store", "State", "Attempts", "Last attempt",
            "Server reply", "Message-ID"}, csv -> {
                for (DeliveryOutcome outcome : outcomes) {
                    csv.printRecord(CsvFiles.cell(outcome.displayName()), CsvFiles.cell(outcome.address()),
                            CsvFiles.cell(outcome.storeName()), outcome.state().label(), outcome.attempts(),
                            outcome.lastAttemptAt() == null ? "" : outcome.lastAttemptAt().toString(),
                            CsvFiles.cell(outcome.lastReply()), outcome.messageId());
                }
            });
    }
}
