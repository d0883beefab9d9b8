package org.enrollnotifier.cli;

import java.util.Locale;
import java.util.stream.Collectors;
import org.enrollnotifier.app.History;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.NotificationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code history [N] [--state S]}: the notifications with their counts, or one notification's recipients. */
@Command(name = "history", description = "List sent notifications (newest first), or with N the outcome for every"
        + " recipient of notification N, tab-separated.")
final class HistoryCommand extends DataFolderCommand {

    @Parameters(paramLabel = "N", arity = "0..1", description = "A notification number.")
    private Long notification;

    @Option(names = "--state", paramLabel = "STATE",
            description = "With N: only recipients in this state: ${COMPLETION-CANDIDATES}.")
    private DeliveryState state;

    @Override
    int run(Workspace workspace) {
        History history = new History(workspace);
        if (notification == null) {
            if (state != null) {
                throw new ParameterException(spec.commandLine(), "--state needs a notification number.");
            }
            out().println("Number\tCreated\tOperator\tSent\tFailed\tPending\tSubject\tTypes\tRecipients");
            for (NotificationSummary n : history.notifications()) {
                out().println(TabSeparated.line(Long.toString(n.id()), n.createdAt().toString(), n.operator(),
                        Integer.toString(n.counts().sent()), Integer.toString(n.counts().failed()),
                        Integer.toString(n.counts().left()), n.subject(),
                        n.types().stream().map(EnrollmentType::label).collect(Collectors.joining(", ")), n.audience()));
            }
            return 0;
        }
        requireNotification(history, notification, spec);
        out().println("Name\tAddress\tState\tAttempts\tLast attempt\tServer reply");
        history.eachOutcome(notification, state, outcomes -> {
            for (DeliveryOutcome outcome : outcomes) {
                out().println(TabSeparated.line(outcome.displayName(), outcome.address(),
                        outcome.state().name().toLowerCase(Locale.ROOT), Integer.toString(outcome.attempts()),
                        outcome.lastAttemptAt() == null ? "" : outcome.lastAttemptAt().toString(),
                        outcome.lastReply()));
            }
        });
        return 0;
    }

    static void requireNotification(History history, long notification, CommandSpec spec) {
        if (history.notifications().stream().noneMatch(n -> n.id() == notification)) {
            throw new ParameterException(spec.commandLine(), "There is no notification number " + notification + ".");
        }
    }
}
