package org.enrollnotifier.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs background work on the test thread: at once, or held until the test releases it, so
 * tests can decide in which order answers arrive.
 */
final class ManualBackground implements Background {

    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    void hold() {
        holding = true;
    }

    int heldCount() {
        return held.size();
    }

    /** Completes the held task at {@code index} (in submission order). */
    void release(int index) {
        held.remove(index).run();
    }

    void releaseAll() {
        holding = false;
        while (!held.isEmpty()) {
            release(0);
        }
    }

    @Override
    public void toUi(Runnable update) {
        update.run();
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        Runnable task = () -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        };
        if (holding) {
            held.add(task);
        } else {
            task.run();
        }
    }
}
