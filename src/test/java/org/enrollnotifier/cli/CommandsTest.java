package org.enrollnotifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.ConsoleHandler;
import java.util.logging.Logger;
import org.enrollnotifier.app.FolderHolder;
import org.enrollnotifier.app.MailSettingsStore;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.app.Recipients;
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.RecipientCounts;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.StoreSummary;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.testkit.LoopbackSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = LoopbackSmtp.server();

    @TempDir
    Path folder;
    private final CommandRun cli = new CommandRun();



    @Test
    void storesPrintsEachStoreWithItsUserCountAndTakesTheDataDirAfterTheCommand() throws StartupProblem {
        assertEquals(0, cli.run("stores", "--data-dir", folder.toString()), cli.err());
        List<StoreSummary> stores;
        try (Workspace workspace = Workspace.open(folder)) {
            stores = new UserDirectory(workspace).stores();
        }
        List<String> expected = stores.stream().map(s -> s.store().name() + "\t" + s.userCount()).toList();
        assertEquals(expected, cli.out().lines().toList());
    }

    @Test
    void usersPrintsOnePageOfTheListing() {
        assertEquals(0, cli.run("--data-dir", folder.toString(), "users", "--store", "Demo · Northwind (LDAP)",
                "--filter", "not-enrolled", "--page", "2", "--page-size", "10"), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertEquals(11, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(line -> line.endsWith("\tNot enrolled")), cli.out());
        assertTrue(cli.err().startsWith("Page 2 of "), cli.err());
    }

    @Test
    void notifyDryRunCountsWhatTheWindowWouldAddress() throws StartupProblem {
        assertEquals(0, cli.run("--data-dir", folder.toString(), "notify", "--store", "Demo · Contoso (Active Directory)",
                "--filter", "not-enrolled-with:sms", "--types", "SMS,windows-hello", "--dry-run"), cli.err());
        RecipientCounts expected;
        try (Workspace workspace = Workspace.open(folder)) {
            UserDirectory directory = new UserDirectory(workspace);
            long contoso = directory.stores().stream().filter(s -> s.store().name().contains("Contoso"))
                    .findFirst().orElseThrow().store().id();
            expected = new Notifier(workspace).resolve(new RecipientSelection(UserQuery.EVERYONE.withStore(contoso)
                            .withFilter(EnrollmentFilter.notEnrolledWith(EnrollmentType.SMS)), Set.of()),
                    EnumSet.of(EnrollmentType.SMS, EnrollmentType.WINDOWS_HELLO)).counts();
            assertTrue(new Notifier(workspace).unfinished().isEmpty(), "a dry run queues nothing");
        }
        List<String> lines = cli.out().lines().toList();
        assertEquals(expected.recipients() + " recipients", lines.get(0));
        assertEquals(expected.leftOutTotal() + " left out", lines.get(1));
        expected.leftOut().forEach((reason, count) ->
                assertTrue(lines.contains("  " + count + " " + reason.label()), cli.out()));
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void notifyWithYesSendsEveryMessageThroughSmtpAndExitsZero() throws Exception {
        Path message = folder.resolve("message.txt");
        Files.writeString(message, "Hello {firstName}, please enroll at {enrollmentUrl}.", StandardCharsets.UTF_8);
        int exit = cli.run("--data-dir", folder.resolve("data").toString(), "notify", "--search", "Nowak",
                "--subject", "Enroll please", "--message-file", message.toString(), "--yes",
                "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(SMTP.getSmtp().getPort()),
                "--smtp-security", "none", "--from", "helpdesk@corp.example");
        assertEquals(0, exit, cli.err());
        int recipients = Integer.parseInt(cli.out().lines().findFirst().orElseThrow().split(" ")[0]);
        assertTrue(recipients > 0);
        assertEquals(recipients, SMTP.getReceivedMessages().length);
        assertEquals("Enroll please", SMTP.getReceivedMessages()[0].getSubject());
        assertTrue(cli.err().contains("sent " + recipients + " · failed 0 · left 0"), cli.err());
    }

    @Test
    void aDataFolderInUseIsOneSentenceAndNoStackTraceOnTheConsole() throws StartupProblem {
        try (Workspace open = Workspace.open(folder, FolderHolder.command("import csv"))) {
            Logger root = Logger.getLogger("");
            root.addHandler(new ConsoleHandler());

            assertEquals(1, cli.run("--data-dir", folder.toString(), "stores"));

            assertEquals("The data folder " + folder + " is in use by the Enroll Notifier command \"import csv\""
                    + " (process " + ProcessHandle.current().pid() + ", since SINCE). Wait for it to finish, then try"
                    + " again.", cli.err().strip().replaceAll("since [-0-9: ]+\\)", "since SINCE)"));
            assertTrue(Arrays.stream(root.getHandlers()).noneMatch(ConsoleHandler.class::isInstance),
                    "log records, with their stack traces, stay off the console");
        }
    }

    @Test
    void aCommandTellsBySubcommandWhatHoldsTheDataFolder() throws Exception {
        assertEquals(0, cli.run("--data-dir", folder.toString(), "history"));

        assertEquals("the Enroll Notifier command \"history\"",
                Files.readAllLines(folder.resolve("enroll-notifier.lock")).get(2));
    }

    @Test
    void notifyWithNoOneToNotifySaysSoAndQueuesNothing() throws StartupProblem {
        assertEquals(0, cli.run("--data-dir", folder.toString(), "notify", "--search", "no such person", "--yes"));

        assertTrue(cli.out().startsWith("0 recipients"), cli.out());
        assertTrue(cli.err().contains("Nothing is queued: there is no one to notify."), cli.err());
        try (Workspace workspace = Workspace.open(folder)) {
            assertTrue(new Notifier(workspace).unfinished().isEmpty());
        }
    }

    @Test
    void withoutYesAndWithoutATerminalNotifyRefusesAndQueuesNothing() throws StartupProblem {
        assertEquals(1, cli.run("--data-dir", folder.toString(), "notify", "--search", "Kim"));
        assertTrue(cli.err().contains("--yes"), cli.err());
        try (Workspace workspace = Workspace.open(folder)) {
            assertTrue(new Notifier(workspace).unfinished().isEmpty());
        }
    }

    @Test
    void deliverSendsWhatWasQueuedToThePickupFolder() throws Exception {
        try (Workspace workspace = Workspace.open(folder)) {
            Notifier notifier = new Notifier(workspace);
            Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch("Kim"), Set.of()),
                    EnumSet.allOf(EnrollmentType.class));
            notifier.queue(new NotificationDraft("Hi", "Hello {firstName}",
                    EnumSet.allOf(EnrollmentType.class), "test"), list,
                    new MailSettingsStore(workspace).load());
        }
        assertEquals(0, cli.run("--data-dir", folder.toString(), "deliver"), cli.err());
        try (var files = Files.list(folder.resolve("pickup"))) {
            assertTrue(files.filter(f -> f.toString().endsWith(".eml")).count() > 0);
        }
        assertEquals(0, cli.run("--data-dir", folder.toString(), "deliver"));
        assertTrue(cli.err().contains("Nothing is queued."), cli.err());
    }

    @Test
    void badArgumentsGetAOneLineErrorAndExitCodeTwo() {
        assertEquals(2, cli.run("--data-dir", folder.toString(), "users", "--store", "No such store"));
        assertTrue(cli.err().startsWith("No identity store is named 'No such store'"), cli.err());
        cli.reset();
        assertEquals(2, cli.run("--data-dir", folder.toString(), "notify", "--types", "carrier-pigeon", "--dry-run"));
        assertTrue(cli.err().startsWith("Unknown enrollment type 'carrier-pigeon'. Known: security-questions, sms,"),
                cli.err());
        cli.reset();
        assertEquals(2, cli.run("--data-dir", folder.toString(), "notify", "--message-file",
                folder.resolve("missing.txt").toString(), "--dry-run"));
        assertTrue(cli.err().startsWith("--message-file " + folder.resolve("missing.txt") + " does not exist."),
                cli.err());
        cli.reset();
        assertEquals(2, cli.run("--data-dir", folder.toString(), "notify", "--subject", "two\nlines", "--dry-run"));
        assertTrue(cli.err().contains("--subject"), cli.err());
        cli.reset();
        assertEquals(2, cli.run("--data-dir", folder.toString(), "notify", "--search", "Kim", "--yes", "--rate", "-5"));
        assertTrue(cli.err().startsWith("--rate: messages per minute must be"), cli.err());
    }
}
