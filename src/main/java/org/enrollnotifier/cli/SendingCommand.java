package org.enrollnotifier.cli;

import org.enrollnotifier.app.DeliveryJob;
import org.enrollnotifier.app.DeliveryReport;
import org.enrollnotifier.app.MailSettingsStore;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.MailSettings;
import picocli.CommandLine.Mixin;

/** Sending from the command line: settings from the database and options, password, progress on stderr. */
abstract class SendingCommand extends DataFolderCommand {

    @Mixin
    private SmtpOptions smtp;

    MailSettings settings(Workspace workspace) {
        return smtp.apply(new MailSettingsStore(workspace).load());
    }

    /** The password for these settings, or null after telling the operator why there is none. */
    char[] password(MailSettings settings) {
        char[] password = SmtpOptions.password(settings, System.getenv(), System.console());
        if (password == null) {
            err().println("The SMTP server needs a password: set " + SmtpOptions.PASSWORD_VARIABLE
                    + " or run in a terminal to be asked.");
        }
        return password;
    }

    DeliveryReport deliver(Workspace workspace, MailSettings settings, char[] password, long notificationId) {
        ProgressPrinter printer = new ProgressPrinter(err());
        DeliveryJob job = DeliveryJob.create(workspace, settings, password, printer);
        err().println("Sending notification " + notificationId + " via " + job.destination());
        DeliveryReport report = job.run(notificationId);
        printer.finished(report);
        return report;
    }
}
