package org.enrollnotifier.ui;

import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.enrollnotifier.app.History;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.model.NotificationSummary;

/**
 * State of the Sent notifications window: every notification with its counts; for the selected
 * one, its recipients' outcomes a page at a time, filtered by state; Retry failed and Export.
 */
public final class HistoryViewModel {

    private static final Logger LOG = Logger.getLogger(HistoryViewModel.class.getName());

    private final History history;
    private final Background background;

    private final ObservableList<NotificationSummary> notifications = FXCollections.observableArrayList();
    private final ObjectProperty<NotificationSummary> selected = new SimpleObjectProperty<>(this, "selected");
    /** null shows every recipient. */
    private final ObjectProperty<DeliveryState> stateFilter = new SimpleObjectProperty<>(this, "stateFilter");
    private final CursorPages<DeliveryOutcome> outcomePages;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private long newestRequest;

    public HistoryViewModel(History history, Background background) {
        this.history = history;
        this.background = background;
        outcomePages = new CursorPages<>(background, e -> fail("Could not read the recipients.", e));
        selected.addListener((obs, old, now) -> showOutcomes());
        stateFilter.addListener((obs, old, now) -> showOutcomes());
    }

    /** Reads the notifications again, keeping the selection. */
    public void load() {
        Long keep = selected.get() == null ? null : selected.get().id();
        background.run(history::notifications, list -> {
            notifications.setAll(list);
            NotificationSummary again = list.stream().filter(n -> keep != null && n.id() == keep).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0));
            if (again != null && again.equals(selected.get())) {
                showOutcomes();
            } else {
                selected.set(again);
            }
        }, e -> fail("Could not read the sent notifications.", e));
    }

    private void showOutcomes() {
        NotificationSummary notification = selected.get();
        long request = ++newestRequest;
        if (notification == null) {
            outcomePages.clear();
            return;
        }
        DeliveryState state = stateFilter.get();
        background.run(() -> history.outcomeCount(notification.id(), state), total -> {
            if (request == newestRequest) {
                outcomePages.show((from, limit) -> history.outcomes(notification.id(), state, from, limit), total);
            }
        }, e -> fail("Could not read the recipients.", e));
    }

    /** Queues the selected notification's failed recipients again and hands its number on for sending. */
    public void retryFailed(LongConsumer send) {
        NotificationSummary notification = selected.get();
        if (notification == null || notification.counts().failed() == 0) {
            return;
        }
        background.run(() -> history.retryFailed(notification.id()), count -> {
            message.set("Queued " + CountText.of(count, "failed recipient") + " again.");
            load();
            send.accept(notification.id());
        }, e -> fail("Could not queue the failed recipients.", e));
    }

    /** Saves every recipient's outcome of the selected notification as CSV; says how it went. */
    public void export(Path file) {
        NotificationSummary notification = selected.get();
        if (notification == null) {
            return;
        }
        background.run(() -> {
            history.export(notification.id(), file);
            return file;
        }, saved -> message.set("Saved the outcomes to " + saved + "."),
                e -> fail("Could not save " + file + ".", e));
    }

    private void fail(String what, Exception e) {
        LOG.log(Level.WARNING, what, e);
        message.set(what + " " + ProblemText.of(e));
    }

    public ObservableList<NotificationSummary> notifications() {
        return notifications;
    }

    public ObjectProperty<NotificationSummary> selectedProperty() {
        return selected;
    }

    public ObjectProperty<DeliveryState> stateFilterProperty() {
        return stateFilter;
    }

    /** The shown page of the selected notification's outcomes. */
    public ObservableList<DeliveryOutcome> outcomes() {
        return outcomePages.items();
    }

    CursorPages<DeliveryOutcome> outcomePages() {
        return outcomePages;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
