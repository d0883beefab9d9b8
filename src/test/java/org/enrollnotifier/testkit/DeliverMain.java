package org.enrollnotifier.testkit;

import java.nio.file.Path;
import java.time.Duration;
import org.enrollnotifier.app.DeliveryJob;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationSummary;
import org.enrollnotifier.model.SmtpSecurity;

/**
 * Delivers everything queued in a data folder to a plain SMTP server, as {@code deliver} would:
 * the child process the crash test kills and restarts. Arguments: data folder, SMTP port.
 */
public final class DeliverMain {

    public static final int CONNECTIONS = 4;

    private DeliverMain() {
    }

    public static void main(String[] args) throws Exception {
        MailSettings settings = new MailSettings("127.0.0.1", Integer.parseInt(args[1]), SmtpSecurity.NONE, "",
                "Helpdesk", "helpdesk@corp.example", Duration.ofSeconds(5), Duration.ofSeconds(10), CONNECTIONS,
                "https://enroll.corp.example/");
        try (Workspace workspace = Workspace.open(Path.of(args[0]))) {
            for (NotificationSummary notification : new Notifier(workspace).unfinished()) {
                DeliveryJob.create(workspace, settings, new char[0], progress -> { }).run(notification.id());
            }
        }
    }
}
