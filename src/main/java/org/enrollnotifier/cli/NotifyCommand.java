package org.enrollnotifier.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.enrollnotifier.app.DraftCheck;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.app.Recipients;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.RecipientCounts;
import org.enrollnotifier.model.RecipientSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code notify}: resolves recipients exactly as the window does, prints who is left out and why,
 * queues the notification and delivers it.
 */
@Command(name = "notify", description = "Email the users a store, search and filter list, asking them to enroll.")
final class NotifyCommand extends SendingCommand {

    @Mixin
    private SelectionOptions selection;

    @Option(names = "--types", paramLabel = "TYPES", defaultValue = "all", completionCandidates = TypeNames.Candidates.class,
            description = "all, or a comma-separated list: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private String types;

    @Option(names = "--subject", paramLabel = "TEXT", description = "Subject line. Default: our standard subject.")
    private String subject;

    @Option(names = "--message-file", paramLabel = "FILE",
            description = "UTF-8 text file with the message and its placeholders. Default: our standard message.")
    private Path messageFile;

    @Option(names = "--dry-run", description = "Show the recipients and who is left out; queue and send nothing.")
    private boolean dryRun;

    @Option(names = "--yes", description = "Send without asking for confirmation.")
    private boolean yes;

    @Override
    int run(Workspace workspace) {
        UserDirectory directory = new UserDirectory(workspace);
        Notifier notifier = new Notifier(workspace);
        Set<EnrollmentType> wanted = TypeNames.parseList(spec.commandLine(), types);
        NotificationDraft draft = new NotificationDraft(checkedSubject(), checkedMessage(), wanted,
                selection.audience());
        try (Recipients list = notifier.resolve(new RecipientSelection(selection.query(directory), Set.of()),
                wanted)) {
            printRecipients(list.counts());
            if (dryRun) {
                return 0;
            }
            if (list.counts().recipients() == 0) {
                err().println("Nothing is queued: there is no one to notify.");
                return 0;
            }
            MailSettings settings = settings(workspace);
            if (!confirmed(list.counts().recipients())) {
                return EnrollNotifierCommand.FAILED;
            }
            char[] password = password(settings);
            if (password == null) {
                return EnrollNotifierCommand.FAILED;
            }
            long id = notifier.queue(draft, list, settings);
            return deliver(workspace, settings, password, id).allSent() ? 0 : EnrollNotifierCommand.FAILED;
        }
    }

    private String checkedSubject() {
        String text = subject == null ? Notifier.defaultSubject() : subject;
        List<String> problems = DraftCheck.subjectProblems(text);
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--subject: " + String.join(" ", problems));
        }
        return text.strip();
    }

    private String checkedMessage() {
        String text = messageFile == null ? Notifier.defaultMessage() : readMessage();
        List<String> problems = DraftCheck.messageProblems(text);
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--message-file " + messageFile + ": "
                    + String.join(" ", problems));
        }
        return text;
    }

    private String readMessage() {
        try {
            return Files.readString(messageFile, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ParameterException(spec.commandLine(), "--message-file " + messageFile + " is not UTF-8 text.");
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--message-file " + messageFile + " does not exist.");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--message-file " + messageFile + " cannot be read: "
                    + e.getMessage());
        }
    }

    private void printRecipients(RecipientCounts counts) {
        out().println(counts.recipients() + " recipients");
        out().println(counts.leftOutTotal() + " left out");
        counts.leftOut().forEach((reason, count) -> out().println("  " + count + " " + reason.label()));
        out().flush();
    }

    private boolean confirmed(long recipients) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            err().println("Not sending: there is no terminal to confirm on. Add --yes to send " + recipients
                    + " messages without asking.");
            return false;
        }
        String answer = console.readLine("Send %d messages? [y/N] ", recipients);
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
