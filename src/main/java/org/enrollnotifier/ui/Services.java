package org.enrollnotifier.ui;

import java.util.function.Consumer;
import org.enrollnotifier.app.DeliveryJob;
import org.enrollnotifier.app.DeliveryProgress;
import org.enrollnotifier.app.DirectoryImport;
import org.enrollnotifier.app.History;
import org.enrollnotifier.app.MailSettingsStore;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.app.StoreAdmin;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.app.WindowPreferences;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.MailSettings;

/**
 * What the window's screens need: the use cases of the open data folder, a background thread for
 * queries, others for sending and importing (so a long send or import never delays browsing), and
 * this session's SMTP password.
 */
public record Services(Workspace workspace, Background queries, Background deliveries, Background imports,
                       SessionPassword password) {

    public UserDirectory directory() {
        return new UserDirectory(workspace);
    }

    public Notifier notifier() {
        return new Notifier(workspace);
    }

    public DirectoryImport directoryImport() {
        return new DirectoryImport(workspace);
    }

    public History history() {
        return new History(workspace);
    }

    public StoreAdmin storeAdmin() {
        return new StoreAdmin(workspace);
    }

    public WindowPreferences windowPreferences() {
        return new WindowPreferences(workspace);
    }

    public MailSettingsStore mailSettings() {
        return new MailSettingsStore(workspace);
    }

    public DeliveryJob deliveryJob(MailSettings settings, Consumer<DeliveryProgress> listener) {
        return DeliveryJob.create(workspace, settings, password.get(), listener);
    }
}
