package org.enrollnotifier.app;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.enrollnotifier.mail.MessageTemplate;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.NotificationSummary;
import org.enrollnotifier.model.Recipient;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.NotificationRepository;
import org.enrollnotifier.store.RecipientSnapshot;

/**
 * Notify users: resolve whom a selection addresses, preview the message, and queue it. Queuing
 * writes the notification and every delivery in one transaction, before anything is sent.
 * Blocking; call off the UI thread.
 */
public final class Notifier {

    private final Database database;
    private final NotificationRepository outbox = new NotificationRepository();
    private final Clock clock;

    public Notifier(Workspace workspace) {
        this(workspace.database(), Clock.systemUTC());
    }

    Notifier(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public static String defaultSubject() {
        return MessageTemplate.defaultSubject();
    }

    public static String defaultMessage() {
        return MessageTemplate.defaultMessage();
    }

    /** Whom the selection addresses with these types; close the result when done with it. */
    public Recipients resolve(RecipientSelection selection, Set<EnrollmentType> types) {
        int mask = EnrollmentType.toMask(types);
        return new Recipients(database, database.scratch(c -> RecipientSnapshot.create(c, selection, mask)));
    }

    /** The message as this recipient would read it. */
    public static String preview(String messageTemplate, Recipient recipient, Set<EnrollmentType> types,
                                 MailSettings settings) {
        return MessageTemplate.renderText(messageTemplate,
                MessageComposer.values(recipient.user(), types, settings.enrollmentUrl()));
    }

    /**
     * Queues the draft for every recipient, all or nothing.
     *
     * @return the new notification's id
     */
    public long queue(NotificationDraft draft, Recipients recipients, MailSettings settings) {
        DraftCheck.requireValid(draft);
        if (recipients.counts().recipients() == 0) {
            throw new IllegalArgumentException("There is no one to notify.");
        }
        String operator = System.getProperty("user.name", "");
        // each delivery row is joined from its user and follows its notification in this transaction
        return database.writeWithoutReferenceChecks(c -> outbox.create(c, draft, operator, clock.instant(),
                recipients.snapshot(), UUID.randomUUID().toString(), messageDomain(settings)));
    }

    /** Notifications with messages neither sent nor failed, to offer resuming them. */
    public List<NotificationSummary> unfinished() {
        return database.read(outbox::unfinished);
    }

    /** Message-IDs carry the sender's domain, as receiving servers expect. */
    private static String messageDomain(MailSettings settings) {
        String from = settings.fromAddress();
        int at = from.lastIndexOf('@');
        return at >= 0 && at < from.length() - 1 ? from.substring(at + 1) : "enroll-notifier.invalid";
    }
}
