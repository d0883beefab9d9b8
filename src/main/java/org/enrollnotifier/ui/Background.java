package org.enrollnotifier.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (SQL, SMTP, files) away from the JavaFX thread and hands the outcome back on
 * it. View models depend on this alone, so their tests can run the work synchronously.
 */
public interface Background {

    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Runs a UI update from any thread, on the UI thread. */
    void toUi(Runnable update);
}
