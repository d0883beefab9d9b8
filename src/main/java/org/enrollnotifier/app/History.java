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

    /** Outcomes read at a time when all are wanted: memory stays flat whatever the notification's size. */
    private static final int BATCH = 1_000;

    private final Database database;
    private final NotificationRepository outbox = new NotificationRepository();

    public History(Workspace workspace) {
        this.database = workspace.database();
    }

    /** Newest first. */
    public List<NotificationSummary> notifications() {
        return database.read(outbox::all);
    }

    /** Up to {@code limit} recipients' outcomes from {@code from} (null: the first); {@code state} null for all. */
    public Recipients.Page<DeliveryOutcome> outcomes(long notificationId, DeliveryState state, Recipients.Cursor from,
                                                     int limit) {
        List<NotificationRepository.OutcomeRow> rows = database.read(c -> outbox.outcomes(c, notificationId, state,
                from == null ? null : from.key(), limit + 1));
        return Recipients.Page.of(rows, limit, NotificationRepository.OutcomeRow::key,
                NotificationRepository.OutcomeRow::outcome);
    }

    /** How many recipients of the notification are in {@code state}; null for all. */
    public long outcomeCount(long notificationId, DeliveryState state) {
        return database.read(c -> outbox.outcomeCount(c, notificationId, state));
    }

    /** Hands every outcome, {@value #BATCH} at a time in the order queued, to {@code action}. */
    public <E extends Exception> void eachOutcome(long notificationId, DeliveryState state,
                                                  Recipients.PageAction<DeliveryOutcome, E> action) throws E {
        Recipients.readAll((from, limit) -> outcomes(notificationId, state, from, limit), BATCH, action);
    }

    /** Queues the failed recipients again, and only them; returns how many. Send them with a delivery run. */
    public int retryFailed(long notificationId) {
        return database.write(c -> outbox.requeueFailed(c, notificationId));
    }

    /** Writes every recipient's outcome as CSV (UTF-8, header row). */
    public void export(long notificationId, Path file) throws IOException {
        CsvFiles.write(file, new String[] {"Name", "Address", "Identity store", "State", "Attempts", "Last attempt",
            "Server reply", "Message-ID"}, csv -> eachOutcome(notificationId, null, outcomes -> {
                for (DeliveryOutcome outcome : outcomes) {
                    csv.printRecord(CsvFiles.cell(outcome.displayName()), CsvFiles.cell(outcome.address()),
                            CsvFiles.cell(outcome.storeName()), outcome.state().label(), outcome.attempts(),
                            outcome.lastAttemptAt() == null ? "" : outcome.lastAttemptAt().toString(),
                            CsvFiles.cell(outcome.lastReply()), outcome.messageId());
                }
            }));
    }
}
