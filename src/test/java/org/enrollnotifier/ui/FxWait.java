package org.enrollnotifier.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waits for the window to reach a state, checked on the JavaFX thread; never a fixed sleep. */
final class FxWait {

    private static final int LIMIT_SECONDS = 20;

    private FxWait() {
    }

    static void until(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not get there within " + LIMIT_SECONDS + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
