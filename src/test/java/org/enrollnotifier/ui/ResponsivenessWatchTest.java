package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResponsivenessWatchTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final List<ResponsivenessWatch.Stall> stalls = new ArrayList<>();
    private final ResponsivenessWatch watch = new ResponsivenessWatch(uiQueue::add, now::get, stalls::add);

    @Test
    void aProbeThatRunsLateReportsHowLongTheWindowWasBlocked() {
        watch.probe();
        now.addAndGet(250_000_000);
        runUiQueue();
        assertEquals(List.of(250L), millis());
    }

    @Test
    void aProbeThatRunsWithinTheLimitReportsNothing() {
        watch.probe();
        now.addAndGet(ResponsivenessWatch.LIMIT_MILLIS * 1_000_000);
        runUiQueue();
        assertEquals(List.of(), millis());
    }

    @Test
    void whileAProbeWaitsNoOtherIsPostedSoOneStallIsReportedOnce() {
        watch.probe();
        now.addAndGet(100_000_000);
        watch.probe();
        now.addAndGet(200_000_000);
        assertEquals(1, uiQueue.size());
        runUiQueue();
        assertEquals(List.of(300L), millis());
        watch.probe();
        assertEquals(1, uiQueue.size(), "a new probe once the last one ran");
    }

    /** The UI thread is this test's: its stack, taken while the second probe waits, holds this method. */
    @Test
    void aStallUnderOneAndAHalfProbesStillSaysWhereTheUiThreadWas() {
        watch.probe();
        runUiQueue();
        probeWaiting120MillisLookedInAfter60();

        assertEquals(List.of(120L), millis());
        assertTrue(stalls.get(0).where().stream().anyMatch(frame -> frame.getMethodName()
                .equals("aStallUnderOneAndAHalfProbesStillSaysWhereTheUiThreadWas")), stalls.get(0).where().toString());
    }

    @Test
    void aStallBeforeTheUiThreadWasSeenSaysNoPlace() {
        probeWaiting120MillisLookedInAfter60();

        assertEquals(List.of(120L), millis());
        assertEquals(List.of(), stalls.get(0).where());
    }

    /** A probe that runs 120 ms after it was posted, the watch looking in 60 ms into the wait. */
    private void probeWaiting120MillisLookedInAfter60() {
        watch.probe();
        now.addAndGet(60_000_000);
        watch.probe();
        now.addAndGet(60_000_000);
        runUiQueue();
    }

    private List<Long> millis() {
        return stalls.stream().map(ResponsivenessWatch.Stall::millis).toList();
    }

    private void runUiQueue() {
        List<Runnable> due = List.copyOf(uiQueue);
        uiQueue.clear();
        due.forEach(Runnable::run);
    }
}
