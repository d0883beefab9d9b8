package org.enrollnotifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.testkit.SentNotification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {

    @TempDir
    Path folder;
    private SentNotification sent;
    private final CommandRun cli = new CommandRun();

    @BeforeEach
    void send() throws StartupProblem {
        try (Workspace workspace = Workspace.open(folder)) {
            sent = SentNotification.create(workspace, "Kim");
        }
    }


    @Test
    void historyListsNotificationsWithTheirCounts() {
        assertEquals(0, cli.run("--data-dir", folder.toString(), "history"), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertEquals(2, lines.size());
        String[] fields = lines.get(1).split("\t");
        assertEquals(Long.toString(sent.id()), fields[0]);
        assertEquals(List.of(Integer.toString(sent.recipients() - 1), "1", "0"), List.of(fields[3], fields[4], fields[5]));
    }

    @Test
    void historyOfOneNotificationShowsEachRecipientAndFiltersByState() {
        assertEquals(0, cli.run("--data-dir", folder.toString(), "history", Long.toString(sent.id()), "--state", "failed"),
                cli.err());
        List<String> lines = cli.out().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith(lines.get(1).split("\t")[0] + "\t" + sent.failedAddress() + "\tfailed\t1\t"),
                lines.get(1));
        assertTrue(lines.get(1).endsWith("\t" + SentNotification.REPLY), lines.get(1));
    }

    @Test
    void deliverRetryFailedSendsOnlyTheFailedRecipient() throws Exception {
        long before = SentNotification.messagesIn(folder);
        assertEquals(0, cli.run("--data-dir", folder.toString(), "deliver", "--retry-failed", Long.toString(sent.id())),
                cli.err());
        assertTrue(cli.err().startsWith("Queued 1 failed recipient of notification " + sent.id() + " again."),
                cli.err());
        assertEquals(before + 1, SentNotification.messagesIn(folder));
    }

    @Test
    void anUnknownNotificationIsABadArgument() {
        assertEquals(2, cli.run("--data-dir", folder.toString(), "history", "999"));
        assertEquals("There is no notification number 999.", cli.err().lines().findFirst().orElseThrow());
        assertEquals(2, cli.run("--data-dir", folder.toString(), "deliver", "--retry-failed", "999"));
    }
}
