package org.enrollnotifier.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * One worker thread, so work on the database runs in the order it was asked for; results return
 * to the JavaFX thread with {@link Platform#runLater}.
 */
public final class FxBackground implements Background, AutoCloseable {

    private final ExecutorService worker;

    /** @param name names the worker thread, for logs and thread dumps */
    public FxBackground(String name) {
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        worker.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void toUi(Runnable update) {
        Platform.runLater(update);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
