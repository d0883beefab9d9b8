package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.enrollnotifier.model.DeliveryOutcome;
import org.enrollnotifier.model.DeliveryState;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.enrollnotifier.testkit.SentNotification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HistoryTest {

    @RegisterExtension
    final DemoWorkspace demo = new DemoWorkspace();

    @Test
    void pagesOfOutcomesGoFromTheFailedToTheSentEachOnceWhereverAPageEnds() {
        SentNotification sent = SentNotification.create(demo.get(), "Kim");
        History history = new History(demo.get());

        List<DeliveryOutcome> read = new ArrayList<>();
        Recipients.readAll((from, limit) -> history.outcomes(sent.id(), null, from, limit), 7, read::addAll);

        assertEquals(sent.recipients(), read.size());
        assertEquals(sent.recipients(), read.stream().map(DeliveryOutcome::messageId).distinct().count());
        assertEquals(DeliveryState.FAILED, read.get(0).state());
        assertEquals(sent.failedAddress(), read.get(0).address());
        assertEquals(List.of(DeliveryState.SENT), read.subList(1, read.size()).stream()
                .map(DeliveryOutcome::state).distinct().toList());
        assertEquals(sent.recipients(), history.outcomeCount(sent.id(), null));
        assertEquals(1, history.outcomeCount(sent.id(), DeliveryState.FAILED));
    }
}
