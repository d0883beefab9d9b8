package org.enrollnotifier.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.enrollnotifier.app.DeliveryProgress;
import org.enrollnotifier.app.DeliveryReport;
import org.enrollnotifier.model.DeliveryCounts;
import org.enrollnotifier.model.FailedDelivery;

/** Delivery progress on stderr: a line at most once a second, and the outcome with every failure. */
final class ProgressPrinter implements Consumer<DeliveryProgress> {

    private final PrintWriter err;
    private final OncePerSecond pace = new OncePerSecond(true);

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void accept(DeliveryProgress progress) {
        if (!pace.due() && !progress.counts().finished()) {
            return;
        }
        err.printf("%s · %.1f messages/s%n", describe(progress.counts()), progress.messagesPerSecond());
        err.flush();
    }

    void finished(DeliveryReport report) {
        err.println("Notification " + report.notificationId() + ": " + describe(report.counts()) + " · "
                + report.outcome().name().toLowerCase(Locale.ROOT)
                + (report.problem().isEmpty() ? "" : ": " + report.problem()));
        for (FailedDelivery failure : report.failures()) {
            err.println("  failed: " + failure.displayName() + " <" + failure.address() + ">: " + failure.reply());
        }
        if (report.moreFailuresThanListed()) {
            err.println("  and " + (report.counts().failed() - report.failures().size()) + " more failed: `history "
                    + report.notificationId() + " --state failed` lists them all");
        }
        err.flush();
    }

    private static String describe(DeliveryCounts counts) {
        return "sent " + counts.sent() + " · failed " + counts.failed() + " · left " + counts.left();
    }
}
