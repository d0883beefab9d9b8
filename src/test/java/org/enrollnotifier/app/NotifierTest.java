package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import org.enrollnotifier.model.DeliveryCounts;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.NotificationSummary;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.store.NotificationRepository;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotifierTest {

    @RegisterExtension
    final DemoWorkspace demo = new DemoWorkspace();
    private Workspace workspace;
    private Notifier notifier;

    @BeforeEach
    void open() throws StartupProblem {
        workspace = demo.get();
        notifier = new Notifier(workspace);
    }


    @Test
    void queueingWritesTheNotificationAndOneQueuedDeliveryPerRecipient() {
        Recipients list = notifier.resolve(new RecipientSelection(
                UserQuery.EVERYONE.withFilter(EnrollmentFilter.NOT_ENROLLED), Set.of()), EnumSet.of(EnrollmentType.SMS));
        long id = notifier.queue(draft("Please enroll"), list, MailSettings.DEFAULT);

        DeliveryCounts counts = workspace.database().read(c -> new NotificationRepository().counts(c, id));
        assertEquals(new DeliveryCounts((int) list.counts().recipients(), 0, 0), counts);
        NotificationSummary summary = notifier.unfinished().get(0);
        assertEquals(id, summary.id());
        assertEquals("Please enroll", summary.subject());
        assertEquals((int) list.counts().recipients(), distinctMessageIdsEndingWith("@example.com"));
    }

    @Test
    void aDraftThatCannotBeSentQueuesNothing() {
        Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE, Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> notifier.queue(draft("Line one\r\nBcc: everyone@example.com"), list, MailSettings.DEFAULT));
        assertTrue(refused.getMessage().contains("Subject"), refused.getMessage());
        assertTrue(notifier.unfinished().isEmpty());
        assertEquals(0, distinctMessageIdsEndingWith(""));
    }

    @Test
    void anEmptyRecipientListQueuesNothing() {
        Recipients none = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch("nobody at all"),
                Set.of()), EnumSet.allOf(EnrollmentType.class));
        assertThrows(IllegalArgumentException.class, () -> notifier.queue(draft("Hello"), none, MailSettings.DEFAULT));
        assertTrue(notifier.unfinished().isEmpty());
    }

    private static NotificationDraft draft(String subject) {
        return new NotificationDraft(subject, "Hello {firstName}", EnumSet.of(EnrollmentType.SMS), "test");
    }

    private int distinctMessageIdsEndingWith(String suffix) {
        return workspace.database().read(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(DISTINCT message_id) FROM delivery WHERE message_id LIKE '%"
                         + suffix + "'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
