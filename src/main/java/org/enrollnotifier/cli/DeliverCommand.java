package org.enrollnotifier.cli;

import java.util.List;
import org.enrollnotifier.app.History;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deliver}: sends whatever is queued, after a crash or once the operator is online. */
@Command(name = "deliver", description = "Send every queued message of every notification.")
final class DeliverCommand extends SendingCommand {

    @Option(names = "--retry-failed", paramLabel = "N",
            description = "First queue the failed recipients of notification N again.")
    private Long retryFailed;

    @Override
    int run(Workspace workspace) {
        if (retryFailed != null) {
            History history = new History(workspace);
            HistoryCommand.requireNotification(history, retryFailed, spec);
            int queued = history.retryFailed(retryFailed);
            err().println("Queued " + queued + (queued == 1 ? " failed recipient" : " failed recipients")
                    + " of notification " + retryFailed + " again.");
        }
        List<NotificationSummary> unfinished = new Notifier(workspace).unfinished();
        if (unfinished.isEmpty()) {
            err().println("Nothing is queued.");
            return 0;
        }
        MailSettings settings = settings(workspace);
        char[] password = password(settings);
        if (password == null) {
            return EnrollNotifierCommand.FAILED;
        }
        boolean allSent = true;
        for (NotificationSummary notification : unfinished) {
            allSent &= deliver(workspace, settings, password, notification.id()).allSent();
        }
        return allSent ? 0 : EnrollNotifierCommand.FAILED;
    }
}
