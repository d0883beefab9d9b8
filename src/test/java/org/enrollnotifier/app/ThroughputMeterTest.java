package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThroughputMeterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long START = 42 * SECOND;

    @Test
    void givesNoTimeLeftWhileTheRunIsStillSettling() {
        ThroughputMeter meter = new ThroughputMeter(START);

        ThroughputMeter.Reading early = meter.read(START + SECOND / 2, 10, 990);

        assertEquals(20.0, early.perSecond(), 1e-9);
        assertNull(early.left());
    }

    @Test
    void aSlowStartNoLongerWeighsOnceItIsOutOfTheWindow() {
        ThroughputMeter meter = new ThroughputMeter(START);
        // a cold second: 10 messages; then 1,000 a second
        meter.read(START + SECOND, 10, 100_000);
        for (int second = 2; second <= 10; second++) {
            meter.read(START + second * SECOND, 10 + (second - 1) * 1_000L, 100_000);
        }

        ThroughputMeter.Reading reading = meter.read(START + 10 * SECOND, 9_010, 90_000);

        assertEquals(1_000.0, reading.perSecond(), 1e-9);
        assertEquals(Duration.ofSeconds(90), reading.left());
    }

    @Test
    void secondsWithoutAFinishedMessageFallBackToTheRunsAverage() {
        ThroughputMeter meter = new ThroughputMeter(START);
        for (int second = 1; second <= 10; second++) {
            meter.read(START + second * SECOND, second * 100L, 1_000);
        }

        // nothing finished for the next five seconds
        ThroughputMeter.Reading stalled = meter.read(START + 15 * SECOND, 1_000, 1_000);

        assertEquals(1_000 / 15.0, stalled.perSecond(), 1e-9);
        assertEquals(Duration.ofSeconds(15), stalled.left());
    }

    @Test
    void afterARestartThePausedSecondsNoLongerCount() {
        ThroughputMeter meter = new ThroughputMeter(START);
        meter.read(START + SECOND, 100, 900);
        // paused from 1 s to 11 s, then resumed
        meter.restart(START + 11 * SECOND, 100);

        assertNull(meter.read(START + 11 * SECOND + SECOND / 2, 150, 850).left(), "settling again after the restart");
        ThroughputMeter.Reading resumed = meter.read(START + 13 * SECOND, 300, 700);

        assertEquals(100.0, resumed.perSecond(), 1e-9);
        assertEquals(Duration.ofSeconds(7), resumed.left());
    }
}
