package org.enrollnotifier.ui;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the data folder to open on a thread of its own, then hands it to the JavaFX thread.
 * When that takes longer than a moment, which is a schema upgrade (a million users: half a
 * minute), a notice is shown meanwhile, so the operator does not face a launch that seems to do
 * nothing. A usual start opens the folder while JavaFX starts its toolkit, and shows no notice.
 */
final class OpeningWait {

    /** Longer than opening a current data folder takes, while JavaFX starts (0.3–0.4 s). */
    static final Duration PATIENCE = Duration.ofSeconds(1);

    /** What happens on the JavaFX thread, in this order: the notice if it comes to that, then the opened folder. */
    interface Steps<T> {
        void showNotice();

        /** With the finished opening: its folder, or its failure; the notice, if shown, is still up. */
        void opened(Future<T> opening);
    }

    private OpeningWait() {
    }

    static <T> void start(Future<T> opening, Duration patience, Executor fx, Steps<T> steps) {
        Thread waiter = new Thread(() -> {
            if (!finishes(opening, patience)) {
                fx.execute(steps::showNotice);
                finishes(opening, null);
            }
            fx.execute(() -> steps.opened(opening));
        }, "enroll-notifier-open-wait");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** Whether the opening ended within {@code patience} (null: however long it takes), with a folder or not. */
    private static boolean finishes(Future<?> opening, Duration patience) {
        try {
            if (patience == null) {
                opening.get();
            } else {
                opening.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
