package org.enrollnotifier.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Properties;

/**
 * Writes each message as an .eml file into a folder, for a mail server's pickup directory or for
 * looking at what would have been sent while no SMTP server is set.
 */
public final class PickupFolderTransport implements MailTransport {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_ID_LENGTH = 100;

    private final Path folder;
    private final Session session = Session.getInstance(new Properties());

    public PickupFolderTransport(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public MailConnection open() throws MailFailure {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new MailFailure(MailFailure.Kind.FATAL,
                    "Cannot create the pickup folder " + folder + ": " + e.getMessage(), e);
        }
        return new PickupConnection();
    }

    @Override
    public String describe() {
        return "pickup folder " + folder;
    }

    /** Keeps file names portable: Message-IDs may hold characters Windows does not allow in names. */
    private static String fileNamePart(String messageId) {
        String safe = messageId.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() <= MAX_ID_LENGTH ? safe : safe.substring(0, MAX_ID_LENGTH);
    }

    private final class PickupConnection implements MailConnection {

        /** Each message is a file of its own: there is nothing to start ahead. */
        @Override
        public void send(OutgoingMessage message, Runnable beforeHandOver, OutgoingMessage next) throws MailFailure {
            MimeMessage mime = MimeMessages.build(session, message);
            Path target = folder.resolve(FILE_TIME.format(Instant.now()) + "-" + fileNamePart(message.messageId())
                    + ".eml");
            try {
                writeAtomically(mime, target, beforeHandOver);
            } catch (IOException | MessagingException e) {
                throw new MailFailure(MailFailure.Kind.TRANSIENT,
                        "Cannot write " + target.getFileName() + " to the pickup folder " + folder + ": "
                                + e.getMessage(), e);
            }
        }

        /**
         * Pickup services take any .eml file they see, so the message is written under a name they
         * ignore, flushed to disk, and only then renamed in one step.
         */
        private void writeAtomically(MimeMessage mime, Path target, Runnable beforeHandOver)
                throws IOException, MessagingException {
            Path partial = Files.createTempFile(folder, ".sending-", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
                     OutputStream out = Channels.newOutputStream(channel)) {
                    mime.writeTo(out);
                    out.flush();
                    channel.force(true);
                }
                beforeHandOver.run();
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                // Only a failed write leaves the partial file behind; a moved one is already gone.
                Files.deleteIfExists(partial);
            }
        }

        @Override
        public void close() {
            // Every message is complete on disk when send returns; there is nothing held open.
        }
    }
}
