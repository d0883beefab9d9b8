package org.enrollnotifier.app;

import java.nio.file.Path;
import org.enrollnotifier.mail.MailTransport;
import org.enrollnotifier.mail.PickupFolderTransport;
import org.enrollnotifier.mail.SmtpTransport;
import org.enrollnotifier.model.MailSettings;

/** Chooses where mail goes: the SMTP server once one is configured, the pickup folder until then. */
public final class MailTransports {

    public static final String PICKUP_FOLDER = "pickup";

    private MailTransports() {
    }

    public static MailTransport forSettings(Workspace workspace, MailSettings settings, char[] password) {
        return forSettings(workspace.folder(), settings, password);
    }

    static MailTransport forSettings(Path dataFolder, MailSettings settings, char[] password) {
        if (!settings.smtpConfigured()) {
            return new PickupFolderTransport(dataFolder.resolve(PICKUP_FOLDER));
        }
        return new SmtpTransport(settings, password);
    }
}
