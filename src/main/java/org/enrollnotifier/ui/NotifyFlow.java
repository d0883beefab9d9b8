package org.enrollnotifier.ui;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationSummary;
import org.enrollnotifier.model.RecipientSelection;

/** From "Notify All Users" to a running delivery: Compose Email, then the delivery window. */
final class NotifyFlow {

    private static final Logger LOG = Logger.getLogger(NotifyFlow.class.getName());

    private final Window owner;
    private final Services services;

    NotifyFlow(Window owner, Services services) {
        this.owner = owner;
        this.services = services;
    }

    void compose(RecipientSelection selection, String audience) {
        services.queries().run(services.mailSettings()::load, settings -> {
            ComposeViewModel model = new ComposeViewModel(services.notifier(), settings, selection, audience,
                    services.queries());
            new ComposeView(owner, model, id -> deliver(id, settings)).show();
        }, this::cannotStart);
    }

    /** Offers to send what an earlier session left queued. */
    void offerToResume() {
        services.queries().run(services.notifier()::unfinished, this::offerToResume, this::cannotStart);
    }

    private void offerToResume(List<NotificationSummary> unfinished) {
        if (unfinished.isEmpty()) {
            return;
        }
        int left = unfinished.stream().mapToInt(n -> n.counts().left()).sum();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.YES, ButtonType.NO);
        ask.initOwner(owner);
        ask.setTitle("Unsent notifications");
        ask.setHeaderText(CountText.of(left, "message") + " of " + CountText.of(unfinished.size(), "notification")
                + " were not sent yet.");
        ask.setContentText("Send them now? If not, they stay queued and are offered again next time.");
        if (ask.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) {
            services.queries().run(services.mailSettings()::load,
                    settings -> unfinished.forEach(n -> deliver(n.id(), settings)), this::cannotStart);
        }
    }

    /** Sends what is queued for one notification, e.g. its failed recipients queued again. */
    void send(long notificationId) {
        services.queries().run(services.mailSettings()::load, settings -> deliver(notificationId, settings),
                this::cannotStart);
    }

    private void deliver(long notificationId, MailSettings settings) {
        DeliveryViewModel model = new DeliveryViewModel(notificationId,
                listener -> services.deliveryJob(settings, listener), services.deliveries());
        new DeliveryView(owner, model).show();
        model.start();
    }

    private void cannotStart(Exception e) {
        LOG.log(Level.WARNING, "Cannot open the notification dialogs", e);
        Alert alert = new Alert(Alert.AlertType.ERROR, ProblemText.of(e));
        alert.initOwner(owner);
        alert.setHeaderText("Could not read the mail settings or the queue.");
        alert.showAndWait();
    }
}
