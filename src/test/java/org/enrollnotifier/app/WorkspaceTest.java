package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.PendingDelivery;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.StoreSummary;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.testkit.AllOutcomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path parent;

    @Test
    void theFirstStartOnAnEmptyFolderSeedsThreeLabelledDemoStores() throws Exception {
        Path folder = parent.resolve("fresh");
        try (Workspace workspace = Workspace.open(folder)) {
            List<StoreSummary> stores = new UserDirectory(workspace).stores();
            assertEquals(3, stores.size());
            assertEquals(3, stores.stream().map(s -> s.store().kind()).distinct().count());
            for (StoreSummary store : stores) {
                assertTrue(store.store().demo(), store.toString());
                assertTrue(store.store().name().startsWith("Demo"), store.toString());
                assertTrue(store.userCount() >= 1_000 && store.userCount() <= 3_000, store.toString());
            }
        }
        assertTrue(Files.exists(folder.resolve(Workspace.DATABASE_FILE)));
    }

    @Test
    void theWindowsWayWritesTheDemoStoresWhenAskedAndOnlyOnce() throws Exception {
        Path folder = parent.resolve("later");
        try (Workspace workspace = Workspace.openLeavingDemoData(folder, FolderHolder.WINDOW)) {
            UserDirectory directory = new UserDirectory(workspace);
            assertEquals(List.of(), directory.stores());

            workspace.writeDemoDataIfNew();
            List<StoreSummary> written = directory.stores();
            assertEquals(3, written.size());

            workspace.writeDemoDataIfNew();
            assertEquals(written, directory.stores());
        }
        try (Workspace workspace = Workspace.openLeavingDemoData(folder, FolderHolder.WINDOW)) {
            workspace.writeDemoDataIfNew();
            assertEquals(3, new UserDirectory(workspace).stores().size());
        }
    }

    @Test
    void laterStartsKeepTheDataAndDoNotSeedAgain() throws Exception {
        Path folder = parent.resolve("kept");
        List<StoreSummary> first;
        try (Workspace workspace = Workspace.open(folder)) {
            first = new UserDirectory(workspace).stores();
        }
        try (Workspace workspace = Workspace.open(folder)) {
            assertEquals(first, new UserDirectory(workspace).stores());
        }
    }

    @Test
    void aSecondInstanceOnTheSameFolderIsToldWhatHoldsIt() throws Exception {
        Path folder = parent.resolve("shared");
        try (Workspace ignored = Workspace.open(folder, FolderHolder.WINDOW)) {
            StartupProblem problem = assertThrows(StartupProblem.class, () -> Workspace.open(folder));
            assertTrue(problem.getMessage().matches("The data folder " + Pattern.quote(folder.toString())
                    + " is in use by Enroll Notifier's window \\(process " + ProcessHandle.current().pid()
                    + ", since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\)\\. Switch to that window, or close it first\\."),
                    problem.getMessage());
        }
        Workspace.open(folder).close();
    }

    @Test
    void aFolderLockedByAnEarlierVersionIsSaidToBeInUseByAnotherCopy() throws Exception {
        Path folder = parent.resolve("earlier");
        Files.createDirectories(folder);
        try (FileChannel channel = FileChannel.open(folder.resolve("enroll-notifier.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock wholeFile = channel.lock()) {
            StartupProblem problem = assertThrows(StartupProblem.class, () -> Workspace.open(folder));
            assertEquals("The data folder " + folder + " is in use by another copy of Enroll Notifier. Switch to its"
                    + " window, or wait for its command to finish, then try again.", problem.getMessage());
        }
        Workspace.open(folder).close();
    }

    @Test
    void rowsClaimedByARunThatDiedGoBackToTheQueueUntried() throws Exception {
        Path folder = parent.resolve("died");
        long notification;
        List<Long> claimed;
        try (Workspace workspace = Workspace.open(folder)) {
            Notifier notifier = new Notifier(workspace);
            try (Recipients list = notifier.resolve(new RecipientSelection(UserQuery.EVERYONE.withSearch("Nowak"),
                    Set.of()), EnumSet.allOf(EnrollmentType.class))) {
                notification = notifier.queue(new NotificationDraft("Hi", "Hello", EnumSet.allOf(EnrollmentType.class),
                        "test"), list, MailSettings.DEFAULT);
            }
            claimed = workspace.database().write(c -> workspace.outbox().claimNext(c, notification, Instant.now(), 3))
                    .stream().map(PendingDelivery::id).toList();
            assertEquals(3, claimed.size());
        }

        try (Workspace workspace = Workspace.open(folder)) {
            List<DeliveryOutcome> queued = AllOutcomes.of(workspace, notification, DeliveryState.QUEUED);
            List<DeliveryOutcome> sending = AllOutcomes.of(workspace, notification, DeliveryState.SENDING);
            assertEquals(List.of(), sending);
            assertTrue(queued.size() > 3, queued.toString());
            assertTrue(queued.stream().allMatch(o -> o.attempts() == 0 && o.lastAttemptAt() == null),
                    queued.toString());
        }
    }

    @Test
    void aCorruptDatabaseFileIsReportedPlainlyAndNotTouched() throws Exception {
        Path folder = Files.createDirectories(parent.resolve("corrupt"));
        Path file = folder.resolve(Workspace.DATABASE_FILE);
        byte[] junk = "PK\u0003\u0004 this is a zip file, not SQLite".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(file, junk);

        StartupProblem problem = assertThrows(StartupProblem.class, () -> Workspace.open(folder));

        assertTrue(problem.getMessage().contains(file.toString()), problem.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(file));
        Workspace.open(parent.resolve("other")).close();
    }

    @Test
    void aReadOnlyFolderIsReportedPlainly() throws Exception {
        Path folder = Files.createDirectories(parent.resolve("readonly"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // permissions do not bind root; /proc is read-only even for root
            Path readOnly = Files.isWritable(folder) ? Path.of("/proc") : folder;
            assumeTrue(Files.isDirectory(readOnly), "no read-only folder here");
            StartupProblem problem = assertThrows(StartupProblem.class, () -> Workspace.open(readOnly));
            assertTrue(problem.getMessage().contains("cannot be written"), problem.getMessage());
            assertTrue(problem.getMessage().contains(readOnly.toString()), problem.getMessage());
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
