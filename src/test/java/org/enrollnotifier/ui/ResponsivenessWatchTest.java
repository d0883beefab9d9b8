package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResponsivenessWatchTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final List<Long> stalls = new ArrayList<>();
    private final ResponsivenessWatch watch = new ResponsivenessWatch(uiQueue::add, now::get, stalls::add);

    @Test
    void aProbeThatRunsLateReportsHowLongTheWindowWasBlocked() {
        watch.probe();
        now.addAndGet(250_000_000);
        runUiQueue();
        assertEquals(List.of(250L), stalls);
    }

    @Test
    void aProbeThatRunsWithinTheLimitReportsNothing() {
        watch.probe();
        now.addAndGet(ResponsivenessWatch.LIMIT_MILLIS * 1_000_000);
        runUiQueue();
        assertEquals(List.of(), stalls);
    }

    @Test
    void whileAProbeWaitsNoOtherIsPostedSoOneStallIsReportedOnce() {
        watch.probe();
        now.addAndGet(100_000_000);
        watch.probe();
        now.addAndGet(200_000_000);
        assertEquals(1, uiQueue.size());
        runUiQueue();
        assertEquals(List.of(300L), stalls);
        watch.probe();
        assertEquals(1, uiQueue.size(), "a new probe once the last one ran");
    }

    private void runUiQueue() {
        List<Runnable> due = List.copyOf(uiQueue);
        uiQueue.clear();
        due.forEach(Runnable::run);
    }
}
