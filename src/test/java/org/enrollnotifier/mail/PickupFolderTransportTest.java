package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PickupFolderTransportTest {

    @TempDir
    Path temp;

    @Test
    void writesEachMessageAsAnEmlFileThatParsesBackIntact() throws Exception {
        Path folder = temp.resolve("pickup").resolve("outbox");
        List<OutgoingMessage> sent = List.of(TestMessages.toZoe(1), TestMessages.toZoe(2), TestMessages.toZoe(3));

        try (MailConnection connection = new PickupFolderTransport(folder).open()) {
            for (OutgoingMessage message : sent) {
                connection.send(message);
            }
        }

        List<Path> files = filesIn(folder);
        assertEquals(sent.size(), files.size(), files.toString());
        for (OutgoingMessage message : sent) {
            Path file = fileFor(files, message);
            try (InputStream in = Files.newInputStream(file)) {
                TestMessages.assertArrivedIntact(message, new MimeMessage(Session.getInstance(new Properties()), in));
            }
        }
    }

    @Test
    void leavesOnlyFinishedEmlFilesNamedByTimeAndMessageId() throws Exception {
        OutgoingMessage message = TestMessages.toZoe(7);

        try (MailConnection connection = new PickupFolderTransport(temp).open()) {
            connection.send(message);
        }

        List<Path> files = filesIn(temp);
        assertEquals(1, files.size(), files.toString());
        String expectedName = "\\d{8}T\\d{9}Z-msg-7\\.a1b2_enroll\\.example\\.com\\.eml";
        assertTrue(files.get(0).getFileName().toString().matches(expectedName), files.toString());
    }

    @Test
    void theMessageTakesItsNameOnlyAfterTheGateAndNotAtAllWhenTheGateThrows() throws Exception {
        List<List<Path>> seenAtTheGate = new ArrayList<>();

        try (MailConnection connection = new PickupFolderTransport(temp).open()) {
            connection.send(TestMessages.toZoe(1), () -> seenAtTheGate.add(filesInQuietly(temp)));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> connection.send(TestMessages.toZoe(2), () -> {
                        throw new IllegalStateException("not recorded");
                    }));
            assertEquals("not recorded", refused.getMessage());
        }

        assertEquals(List.of(List.of()), seenAtTheGate, "a pickup service could take the file before the gate");
        List<Path> files = filesIn(temp);
        assertEquals(1, files.size(), files.toString());
        fileFor(files, TestMessages.toZoe(1));
    }

    @Test
    void aFolderThatCannotBeWrittenIsATransientFailure() throws Exception {
        Path folder = temp.resolve("outbox");
        try (MailConnection connection = new PickupFolderTransport(folder).open()) {
            Files.delete(folder);
            Files.writeString(folder, "a file where the folder was");

            MailFailure failure = assertThrows(MailFailure.class, () -> connection.send(TestMessages.toZoe(1)));

            assertEquals(MailFailure.Kind.TRANSIENT, failure.kind());
            assertTrue(failure.reply().contains("pickup folder " + folder), failure.reply());
        }
    }

    @Test
    void describesTheFolder() {
        assertEquals("pickup folder " + temp, new PickupFolderTransport(temp).describe());
    }

    private static List<Path> filesIn(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }

    /** The finished messages only: the one being written has a hidden temporary name. */
    private static List<Path> filesInQuietly(Path folder) {
        try {
            return filesIn(folder).stream().filter(f -> f.getFileName().toString().endsWith(".eml")).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Path fileFor(List<Path> files, OutgoingMessage message) {
        String idPart = message.messageId().replace('@', '_');
        return files.stream().filter(f -> f.getFileName().toString().endsWith("-" + idPart + ".eml")).findFirst()
                .orElseThrow(() -> new AssertionError("no file for " + message.messageId() + " in " + files));
    }
}
