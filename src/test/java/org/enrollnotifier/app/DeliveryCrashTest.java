package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.enrollnotifier.app.Recipients;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.NotificationSummary;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.testkit.DeliverMain;
import org.enrollnotifier.testkit.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a delivering process at random moments and restarts it: nobody is left out, and nobody
 * gets the message twice beyond the messages that were on the wire (one per connection per kill).
 */
class DeliveryCrashTest {

    private static final int KILLS = 3;

    @TempDir
    Path folder;

    @Test
    void killedAndRestartedDeliveryLosesNothingAndRepeatsOnlyWhatWasInFlight() throws Exception {
        long notification;
        int recipients;
        try (Workspace workspace = Workspace.open(folder)) {
            Notifier notifier = new Notifier(workspace);
            Recipients list = notifier.resolve(new RecipientSelection(
                    UserQuery.EVERYONE.withFilter(EnrollmentFilter.NOT_ENROLLED), Set.of()),
                    EnumSet.allOf(EnrollmentType.class));
            recipients = (int) list.counts().recipients();
            notification = notifier.queue(new NotificationDraft("Please enroll", "Hello {firstName}",
                    EnumSet.allOf(EnrollmentType.class), "crash test"), list, MailSettings.DEFAULT);
        }
        Random random = new Random(11);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            for (int kill = 1; kill <= KILLS; kill++) {
                int target = server.received().size() + 100 + random.nextInt(recipients / (KILLS + 1));
                Process child = deliver(server.port());
                assertTrue(server.awaitReceived(target, Duration.ofSeconds(60)), "delivery got going before kill " + kill);
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            Process last = deliver(server.port());
            assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the last run finished");
            assertEquals(0, last.exitValue());

            List<ScriptedSmtpServer.Received> received = server.received();
            Map<String, Long> copies = received.stream()
                    .collect(Collectors.groupingBy(ScriptedSmtpServer.Received::messageId, Collectors.counting()));
            long duplicates = received.size() - copies.size();
            assertEquals(recipients, copies.size(), "every recipient got the message");
            assertTrue(duplicates <= (long) KILLS * DeliverMain.CONNECTIONS,
                    duplicates + " duplicates over " + KILLS + " kills");
        }
        try (Workspace workspace = Workspace.open(folder)) {
            NotificationSummary done = new History(workspace).notifications().stream()
                    .collect(Collectors.toMap(NotificationSummary::id, Function.identity())).get(notification);
            assertEquals(recipients, done.counts().sent());
        }
    }

    private Process deliver(int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DeliverMain.class.getName(),
                folder.toString(), Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
