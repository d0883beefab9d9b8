package org.enrollnotifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.testkit.SentNotification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HistoryCommandTest {

    @TempDir
    Path folder;
    private SentNotification sent;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void send() throws StartupProblem {
        try (Workspace workspace = Workspace.open(folder)) {
            sent = SentNotification.create(workspace, "Kim");
        }
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String... args) {
        CommandLine commandLine = EnrollNotifierCommand.commandLine(dir -> {
            throw new AssertionError("a command must not open the window");
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void historyListsNotificationsWithTheirCounts() {
        assertEquals(0, run("--data-dir", folder.toString(), "history"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size());
        String[] fields = lines.get(1).split("\t");
        assertEquals(Long.toString(sent.id()), fields[0]);
        assertEquals(List.of(Integer.toString(sent.recipients() - 1), "1", "0"), List.of(fields[3], fields[4], fields[5]));
    }

    @Test
    void historyOfOneNotificationShowsEachRecipientAndFiltersByState() {
        assertEquals(0, run("--data-dir", folder.toString(), "history", Long.toString(sent.id()), "--state", "failed"),
                err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith(lines.get(1).split("\t")[0] + "\t" + sent.failedAddress() + "\tfailed\t1\t"),
                lines.get(1));
        assertTrue(lines.get(1).endsWith("\t" + SentNotification.REPLY), lines.get(1));
    }

    @Test
    void deliverRetryFailedSendsOnlyTheFailedRecipient() throws Exception {
        long before = SentNotification.messagesIn(folder);
        assertEquals(0, run("--data-dir", folder.toString(), "deliver", "--retry-failed", Long.toString(sent.id())),
                err.toString());
        assertTrue(err.toString().startsWith("Queued 1 failed recipient of notification " + sent.id() + " again."),
                err.toString());
        assertEquals(before + 1, SentNotification.messagesIn(folder));
    }

    @Test
    void anUnknownNotificationIsABadArgument() {
        assertEquals(2, run("--data-dir", folder.toString(), "history", "999"));
        assertEquals("There is no notification number 999.", err.toString().lines().findFirst().orElseThrow());
        assertEquals(2, run("--data-dir", folder.toString(), "deliver", "--retry-failed", "999"));
    }
}
