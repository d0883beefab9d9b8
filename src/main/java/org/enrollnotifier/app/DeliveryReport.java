package org.enrollnotifier.app;

import java.time.Duration;
import java.util.List;
import org.enrollnotifier.model.DeliveryCounts;
import org.enrollnotifier.model.FailedDelivery;

/**
 * How a delivery run ended.
 *
 * @param failures the first {@value #FAILURES_LISTED} failed recipients, of {@code counts.failed()}
 * @param problem  why the run stopped early ({@link Outcome#STOPPED}); empty otherwise
 */
public record DeliveryReport(long notificationId, Outcome outcome, DeliveryCounts counts,
                             List<FailedDelivery> failures, String problem, Duration elapsed) {

    /**
     * At most this many failures are listed: a send of a million that a server refused, or that the
     * operator cancelled, has a million, more than the window's memory holds; the Sent notifications
     * window and the history command list them all, a page at a time.
     */
    public static final int FAILURES_LISTED = 1_000;

    public enum Outcome {
        /** Every delivery is sent or failed. */
        FINISHED,
        /** The operator cancelled; what was not sent is marked failed, with that reason. */
        CANCELLED,
        /** The server refused us altogether; what was not sent stays queued for a later run. */
        STOPPED
    }

    public DeliveryReport {
        failures = List.copyOf(failures);
    }

    /** Whether some failures are not in {@link #failures()}. */
    public boolean moreFailuresThanListed() {
        return counts.failed() > failures.size();
    }

    public boolean allSent() {
        return outcome == Outcome.FINISHED && counts.failed() == 0;
    }
}
