package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.enrollnotifier.app.Recipients;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.store.DirectoryUserRepository;
import org.enrollnotifier.store.IdentityStoreRepository;
import org.enrollnotifier.testkit.AllOutcomes;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.enrollnotifier.testkit.LoopbackSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Directory values with line breaks never become extra mail headers. */
class HeaderInjectionTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = LoopbackSmtp.server();

    @RegisterExtension
    final DemoWorkspace demo = new DemoWorkspace();

    @Test
    void aNameWithALineBreakCannotAddAHeaderToAnyMessage() throws Exception {
        long storeId = demo.get().database().write(c -> {
            long id = new IdentityStoreRepository().create(c, "Hostile", StoreKind.CSV, "test", false);
            new DirectoryUserRepository().insertAll(c, id, List.of(
                    user("mallory", "Mal\r\nBcc: victim@evil.example", "mallory@corp.example"),
                    user("alice", "Alice", "alice@corp.example")));
            return id;
        });
        Notifier notifier = new Notifier(demo.get());
        Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withStore(storeId), Set.of()),
                EnumSet.allOf(EnrollmentType.class));
        assertEquals(2, list.counts().recipients());
        MailSettings settings = LoopbackSmtp.settingsFor(SMTP);
        long id = notifier.queue(new NotificationDraft("Enroll, {firstName}", "Hello {displayName}",
                EnumSet.allOf(EnrollmentType.class), "test"), list, settings);

        DeliveryJob.create(demo.get(), settings, new char[0], progress -> { }).run(id);

        for (MimeMessage received : SMTP.getReceivedMessages()) {
            assertEquals(null, received.getHeader("Bcc"));
            assertEquals(1, received.getAllRecipients().length);
            assertFalse(received.getSubject().contains("\n"), received.getSubject());
        }
        List<String> victims = List.of(SMTP.getReceivedMessages()).stream()
                .flatMap(message -> {
                    try {
                        return List.of(message.getAllRecipients()).stream().map(Object::toString);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).filter(address -> address.contains("evil")).toList();
        assertEquals(List.of(), victims);
        DeliveryOutcome alice = AllOutcomes.of(demo.get(), id, null).stream()
                .filter(o -> o.address().startsWith("alice")).findFirst().orElseThrow();
        assertEquals(DeliveryState.SENT, alice.state());
        assertTrue(AllOutcomes.of(demo.get(), id, null).stream()
                .allMatch(o -> o.state() == DeliveryState.SENT || o.lastReply().contains("line breaks")));
    }

    private static DirectoryUser user(String username, String firstName, String email) {
        return new DirectoryUser(0, 0, "", "ext-" + username, username, firstName, "Test", firstName + " Test", email,
                "", EnumSet.noneOf(EnrollmentType.class), null);
    }
}
