package org.enrollnotifier.ui;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.enrollnotifier.app.DeliveryJob;
import org.enrollnotifier.app.DeliveryProgress;
import org.enrollnotifier.app.DeliveryReport;
import org.enrollnotifier.model.DeliveryCounts;
import org.enrollnotifier.model.FailedDelivery;

/**
 * State of the delivery window: progress of the background mail task, its controls, and the
 * summary with every failed recipient once it ends.
 */
public final class DeliveryViewModel {

    private static final Logger LOG = Logger.getLogger(DeliveryViewModel.class.getName());

    private final long notificationId;
    private final Function<Consumer<DeliveryProgress>, DeliveryJob> jobs;
    private final Background deliveries;

    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper(this, "countsText", "");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper(this, "rateText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused", false);
    private final ReadOnlyBooleanWrapper resumable = new ReadOnlyBooleanWrapper(this, "resumable", false);
    private final ObservableList<FailedDelivery> failures = FXCollections.observableArrayList();
    /** Worker threads report far faster than a screen refreshes: keep the newest, show it once per UI turn. */
    private final AtomicReference<DeliveryProgress> latest = new AtomicReference<>();

    private DeliveryJob job;

    /**
     * @param jobs       makes a delivery job that reports to the given listener
     * @param deliveries runs the job; not the thread that serves the window's queries
     */
    public DeliveryViewModel(long notificationId, Function<Consumer<DeliveryProgress>, DeliveryJob> jobs,
                             Background deliveries) {
        this.notificationId = notificationId;
        this.jobs = jobs;
        this.deliveries = deliveries;
    }

    /** Starts (or, after a stop, restarts) sending what is left of the notification. */
    public void start() {
        DeliveryJob newJob = jobs.apply(this::progressed);
        job = newJob;
        running.set(true);
        resumable.set(false);
        summary.set("");
        deliveries.run(() -> newJob.run(notificationId), this::finished, e -> {
            LOG.log(Level.SEVERE, "Delivery of notification " + notificationId + " failed", e);
            running.set(false);
            resumable.set(true);
            summary.set("Sending stopped: " + ProblemText.of(e) + " What was not sent is still queued.");
        });
    }

    public void pause() {
        if (job != null) {
            job.pause();
        }
    }

    /** Continues a paused run, or starts a new one after the server stopped the last. */
    public void resume() {
        if (resumable.get()) {
            start();
        } else if (job != null) {
            job.resume();
        }
    }

    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    private void progressed(DeliveryProgress update) {
        if (latest.getAndSet(update) == null) {
            deliveries.toUi(() -> show(latest.getAndSet(null)));
        }
    }

    private void show(DeliveryProgress update) {
        if (update == null) {
            return;
        }
        DeliveryCounts counts = update.counts();
        progress.set(counts.total() == 0 ? 1 : (double) (counts.sent() + counts.failed()) / counts.total());
        countsText.set(describe(counts));
        paused.set(update.paused());
        rateText.set(update.paused() ? "Paused" : describeRate(update.messagesPerSecond(), update.eta()));
    }

    private void finished(DeliveryReport report) {
        DeliveryProgress pending = latest.getAndSet(null);
        show(pending);
        running.set(false);
        paused.set(false);
        DeliveryCounts counts = report.counts();
        progress.set(counts.total() == 0 ? 1 : (double) (counts.sent() + counts.failed()) / counts.total());
        countsText.set(describe(counts));
        rateText.set("");
        failures.setAll(report.failures());
        summary.set(summaryOf(report));
        resumable.set(report.outcome() == DeliveryReport.Outcome.STOPPED);
    }

    /** What the window says once a run is over; a run with many failures lists the first ones only. */
    static String summaryOf(DeliveryReport report) {
        DeliveryCounts counts = report.counts();
        return switch (report.outcome()) {
            case FINISHED -> counts.failed() == 0
                    ? "Done: all " + CountText.of(counts.sent(), "message") + " sent in " + describe(report.elapsed()) + "."
                    : "Done: " + CountText.number(counts.sent()) + " sent, " + CountText.number(counts.failed())
                        + " failed. " + (report.moreFailuresThanListed() ? "The first "
                        + CountText.number(report.failures().size()) + " failed recipients and the server's replies"
                        + " are listed below; Sent… lists them all." : "The failed recipients and the server's"
                        + " replies are listed below.");
            case CANCELLED -> "Cancelled: " + CountText.number(counts.sent()) + " sent; the "
                    + CountText.of(counts.failed(), "other") + " will not be sent."
                    + (report.moreFailuresThanListed() ? " The first " + CountText.number(report.failures().size())
                        + " are listed below; Sent… lists them all." : "");
            case STOPPED -> "Sending stopped: " + report.problem() + " " + CountText.of(counts.left(), "message")
                    + " still queued; fix the settings and press Resume.";
        };
    }

    static String describe(DeliveryCounts counts) {
        return "Sent " + CountText.number(counts.sent()) + " · Failed " + CountText.number(counts.failed())
                + " · Left " + CountText.number(counts.left());
    }

    private static String describeRate(double perSecond, Duration eta) {
        if (perSecond <= 0) {
            return "Connecting…";
        }
        String rate = String.format("%.1f messages/s", perSecond);
        return eta == null || eta.toSeconds() < 1 ? rate : rate + " · about " + describe(eta) + " left";
    }

    /** Whole seconds, minutes or hours; a run over within the second is not "0 s". */
    static String describe(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 1) {
            return "less than a second";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    public long notificationId() {
        return notificationId;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsTextProperty() {
        return countsText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resumableProperty() {
        return resumable.getReadOnlyProperty();
    }

    public ObservableList<FailedDelivery> failures() {
        return failures;
    }
}
