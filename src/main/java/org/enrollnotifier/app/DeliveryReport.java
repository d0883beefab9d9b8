package org.enrollnotifier.app;

import java.time.Duration;
import java.util.List;
import org.enrollnotifier.model.DeliveryCounts;
import org.enrollnotifier.model.FailedDelivery;

/**
 * How a delivery run ended.
 *
 * @param problem why the run stopped early ({@link Outcome#STOPPED}); empty otherwise
 */
public record DeliveryReport(long notificationId, Outcome outcome, DeliveryCounts counts,
                             List<FailedDelivery> failures, String problem, Duration elapsed) {

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

    public boolean allSent() {
        return outcome == Outcome.FINISHED && counts.failed() == 0;
    }
}
