package org.enrollnotifier.testkit;

import java.util.ArrayList;
import java.util.List;
import org.enrollnotifier.app.History;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;

/** Reads every outcome of a small notification, for assertions about all of them. */
public final class AllOutcomes {

    private AllOutcomes() {
    }

    /** @param state null for every recipient */
    public static List<DeliveryOutcome> of(Workspace workspace, long notificationId, DeliveryState state) {
        List<DeliveryOutcome> all = new ArrayList<>();
        new History(workspace).eachOutcome(notificationId, state, all::addAll);
        return all;
    }
}
