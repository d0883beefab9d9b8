package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.enrollnotifier.model.DeliveryCounts;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.FailedDelivery;
import org.enrollnotifier.model.NotificationContent;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.NotificationSummary;
import org.enrollnotifier.model.PendingDelivery;

/**
 * The outbox: {@code notification} and its {@code delivery} rows. Deliverers work from the
 * delivery rows alone, claiming a few at a time, so any number of restarts resume where they stopped.
 */
public final class NotificationRepository {

    private static final String PENDING_COLUMNS = "id, notification_id, address, first_name, last_name, display_name,"
            + " username, store_name, attempts, message_id, first_attempt_at";

    /** Takes back the attempt a claim counted, and its times when it was the first. */
    private static final String UNTRIED = "attempts = attempts - 1,"
            + " first_attempt_at = CASE WHEN attempts > 1 THEN first_attempt_at END,"
            + " last_attempt_at = CASE WHEN attempts > 1 THEN last_attempt_at END";

    private final ReusedStatements reused = new ReusedStatements();

    /**
     * Writes a notification and one queued delivery per recipient of the snapshot, in the caller's
     * transaction, in one statement. Message-IDs are {@code <messageIdPrefix>.<user id>@<domain>}:
     * unique as long as the prefix is unique per notification.
     *
     * @throws IllegalStateException if recipients were deleted from the directory since the snapshot
     *     was taken; the caller's transaction must then be rolled back
     */
    public long create(Connection c, NotificationDraft draft, String operator, Instant now,
                       RecipientSnapshot recipients, String messageIdPrefix, String messageDomain) throws SQLException {
        long notificationId;
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO notification (created_at, operator, audience, subject, message_template,
                    enrollment_types, left_out_count)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            insert.setLong(1, now.toEpochMilli());
            insert.setString(2, operator);
            insert.setString(3, draft.audience());
            insert.setString(4, draft.subject());
            insert.setString(5, draft.messageTemplate());
            insert.setInt(6, EnrollmentType.toMask(draft.types()));
            insert.setLong(7, recipients.counts().leftOutTotal());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                notificationId = rs.getLong(1);
            }
        }
        // in user id order, every index of the outbox grows at its end
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO delivery (notification_id, user_id, address,"
                + " first_name, last_name, display_name, username, store_name, state, message_id)"
                + " SELECT ?1, u.id, t.address, u.first_name, u.last_name, u.display_name, u.username, s.name,"
                + "   'QUEUED', ?2 || '.' || u.id || '@' || ?3"
                + " FROM " + recipients.table() + " t CROSS JOIN directory_user u ON u.id = t.user_id"
                + " JOIN identity_store s ON s.id = u.store_id WHERE t.left_out = 0 ORDER BY t.user_id")) {
            insert.setLong(1, notificationId);
            insert.setString(2, messageIdPrefix);
            insert.setString(3, messageDomain);
            int queued = insert.executeUpdate();
            if (queued != recipients.counts().recipients()) {
                throw new IllegalStateException((recipients.counts().recipients() - queued) + " of the recipients"
                        + " were deleted from their identity store since the list was made; nothing was queued."
                        + " Review the recipients again.");
            }
        }
        return notificationId;
    }

    /**
     * Rows left {@code SENDING} by a process that stopped mid-run go back to the queue, untried: a
     * claimed message may have left (at most one per connection), and is sent again with the same
     * Message-ID; the others were only claimed.
     */
    public int requeueInFlight(Connection c) throws SQLException {
        return update(c, "UPDATE delivery SET state = 'QUEUED', " + UNTRIED + " WHERE state = 'SENDING'");
    }

    /**
     * Marks up to {@code limit} of the next due deliveries of a notification {@code SENDING} and
     * returns them in the order they were queued. Queued rows come first; each lookup is a seek on
     * the (notification, state, id) index, never a scan.
     */
    public List<PendingDelivery> claimNext(Connection c, long notificationId, Instant now, int limit)
            throws SQLException {
        List<PendingDelivery> queued = claim(c, notificationId, now, limit, false);
        return queued.isEmpty() ? claim(c, notificationId, now, limit, true) : queued;
    }

    private List<PendingDelivery> claim(Connection c, long notificationId, Instant now, int limit, boolean dueRetries)
            throws SQLException {
        String due = dueRetries ? "state = 'RETRY' AND next_attempt_at <= ?1" : "state = 'QUEUED'";
        PreparedStatement claim = reused.on(c, """
                UPDATE delivery SET state = 'SENDING', attempts = attempts + 1, last_attempt_at = ?1,
                    first_attempt_at = coalesce(first_attempt_at, ?1)
                WHERE id IN (SELECT id FROM delivery WHERE notification_id = ?2 AND\s""" + due + """
                             ORDER BY id LIMIT ?3)
                RETURNING\s""" + PENDING_COLUMNS);
        claim.setLong(1, now.toEpochMilli());
        claim.setLong(2, notificationId);
        claim.setInt(3, limit);
        List<PendingDelivery> claimed = new ArrayList<>(limit);
        try (ResultSet rs = claim.executeQuery()) {
            while (rs.next()) {
                claimed.add(new PendingDelivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                        rs.getString(10), Instant.ofEpochMilli(rs.getLong(11))));
            }
        }
        // RETURNING gives no order
        claimed.sort(Comparator.comparingLong(PendingDelivery::id));
        return claimed;
    }

    public void markSent(Connection c, long deliveryId, String reply, Instant now) throws SQLException {
        update(c, "UPDATE delivery SET state = 'SENT', sent_at = ?, last_reply = ?, next_attempt_at = NULL"
                + " WHERE id = ?", now.toEpochMilli(), reply, deliveryId);
    }

    public void markRetry(Connection c, long deliveryId, String reply, Instant nextAttempt) throws SQLException {
        update(c, "UPDATE delivery SET state = 'RETRY', next_attempt_at = ?, last_reply = ? WHERE id = ?",
                nextAttempt.toEpochMilli(), reply, deliveryId);
    }

    public void markFailed(Connection c, long deliveryId, String reply) throws SQLException {
        update(c, "UPDATE delivery SET state = 'FAILED', last_reply = ?, next_attempt_at = NULL WHERE id = ?",
                reply, deliveryId);
    }

    /**
     * Puts a claimed row back untried: it was never sent (the run stopped first), or the fault was
     * not the message's (e.g. the server refused us).
     */
    public void release(Connection c, long deliveryId, String reply) throws SQLException {
        update(c, "UPDATE delivery SET state = 'QUEUED', " + UNTRIED + ", last_reply = ? WHERE id = ?",
                reply, deliveryId);
    }

    /** Fails every delivery not yet sent or being sent, with the reason; returns how many. */
    public int failRemaining(Connection c, long notificationId, String reason) throws SQLException {
        return update(c, "UPDATE delivery SET state = 'FAILED', last_reply = ?, next_attempt_at = NULL"
                + " WHERE notification_id = ? AND state IN ('QUEUED', 'RETRY')", reason, notificationId);
    }

    /** When the earliest waiting retry of a notification is due, if any. */
    public Optional<Instant> nextRetryAt(Connection c, long notificationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT min(next_attempt_at) FROM delivery WHERE notification_id = ? AND state = 'RETRY'")) {
            select.setLong(1, notificationId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                long at = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
            }
        }
    }

    public DeliveryCounts counts(Connection c, long notificationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE state = 'SENT'), count(*) FILTER (WHERE state = 'FAILED')
                FROM delivery WHERE notification_id = ?""")) {
            select.setLong(1, notificationId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new DeliveryCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3));
            }
        }
    }

    /** The first {@code limit} failed deliveries of a notification, in the order they were queued. */
    public List<FailedDelivery> failures(Connection c, long notificationId, int limit) throws SQLException {
        List<FailedDelivery> failures = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT display_name, address, coalesce(last_reply, '') FROM delivery
                WHERE notification_id = ? AND state = 'FAILED' ORDER BY id LIMIT ?""")) {
            select.setLong(1, notificationId);
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    failures.add(new FailedDelivery(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return failures;
    }

    public NotificationContent content(Connection c, long notificationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT subject, message_template, enrollment_types FROM notification WHERE id = ?")) {
            select.setLong(1, notificationId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("There is no notification number " + notificationId + ".");
                }
                return new NotificationContent(notificationId, rs.getString(1), rs.getString(2),
                        EnrollmentType.fromMask(rs.getInt(3)));
            }
        }
    }

    /** One recipient's outcome, and where it stands among its notification's deliveries. */
    public record OutcomeRow(SortKey key, DeliveryOutcome outcome) {
    }

    /**
     * Up to {@code limit} recipients' outcomes after {@code after} (null: from the first), by state
     * (by name: failed first, then those still to send, then sent) and in queue order within one;
     * {@code state} null for all. A page at a time, as a notification to a million users has a
     * million outcomes, more than the window's memory holds; each page is read from the index of
     * deliveries by notification and state, from where the last one ended.
     */
    public List<OutcomeRow> outcomes(Connection c, long notificationId, DeliveryState state, SortKey after, int limit)
            throws SQLException {
        String fromState = after == null ? (state == null ? "" : state.name()) : (String) after.values().get(0);
        List<OutcomeRow> page = new ArrayList<>(limit);
        if (after != null || state != null) {
            readOutcomes(c, "state = ? AND id > ? ORDER BY id", limit, page, notificationId, fromState,
                    after == null ? 0L : (Long) after.values().get(1));
        }
        if (state == null && page.size() < limit) {
            readOutcomes(c, "state > ? ORDER BY state, id", limit - page.size(), page, notificationId, fromState);
        }
        return page;
    }

    /** Adds to {@code page} up to {@code limit} outcomes of the notification (the first parameter) {@code where}. */
    private static void readOutcomes(Connection c, String where, int limit, List<OutcomeRow> page, Object... parameters)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT display_name, address, store_name, state, attempts, coalesce(last_reply, ''),
                       last_attempt_at, message_id, id
                FROM delivery WHERE notification_id = ?""" + " AND " + where + " LIMIT " + limit)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long at = rs.getLong(7);
                    Instant lastAttempt = rs.wasNull() ? null : Instant.ofEpochMilli(at);
                    page.add(new OutcomeRow(new SortKey(List.of(rs.getString(4), rs.getLong(9))), new DeliveryOutcome(
                            rs.getString(1), rs.getString(2), rs.getString(3), DeliveryState.valueOf(rs.getString(4)),
                            rs.getInt(5), rs.getString(6), lastAttempt, rs.getString(8))));
                }
            }
        }
    }

    /** How many recipients of a notification are in {@code state}; null for all. */
    public long outcomeCount(Connection c, long notificationId, DeliveryState state) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM delivery WHERE notification_id = ?"
                + (state == null ? "" : " AND state = ?"))) {
            select.setLong(1, notificationId);
            if (state != null) {
                select.setString(2, state.name());
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Queues the failed deliveries of a notification again, with fresh attempts and time; returns how many. */
    public int requeueFailed(Connection c, long notificationId) throws SQLException {
        return update(c, "UPDATE delivery SET state = 'QUEUED', attempts = 0, next_attempt_at = NULL,"
                + " first_attempt_at = NULL"
                + " WHERE notification_id = ? AND state = 'FAILED'", notificationId);
    }

    /** Notifications with deliveries neither sent nor failed, oldest first. */
    public List<NotificationSummary> unfinished(Connection c) throws SQLException {
        return summaries(c, "WHERE n.id IN (SELECT notification_id FROM delivery WHERE state NOT IN ('SENT', 'FAILED'))",
                "n.id");
    }

    /** Every notification, newest first. */
    public List<NotificationSummary> all(Connection c) throws SQLException {
        return summaries(c, "", "n.id DESC");
    }

    private List<NotificationSummary> summaries(Connection c, String where, String order) throws SQLException {
        List<NotificationSummary> summaries = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT n.id, n.created_at, n.operator, n.audience, n.subject, n.enrollment_types,
                       count(d.id), count(d.id) FILTER (WHERE d.state = 'SENT'),
                       count(d.id) FILTER (WHERE d.state = 'FAILED')
                FROM notification n LEFT JOIN delivery d ON d.notification_id = n.id\s"""
                + where + " GROUP BY n.id ORDER BY " + order)) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    summaries.add(new NotificationSummary(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5), EnrollmentType.fromMask(rs.getInt(6)),
                            new DeliveryCounts(rs.getInt(7), rs.getInt(8), rs.getInt(9))));
                }
            }
        }
        return summaries;
    }

    private int update(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement update = reused.on(c, sql);
        for (int i = 0; i < parameters.length; i++) {
            update.setObject(i + 1, parameters[i]);
        }
        return update.executeUpdate();
    }
}
