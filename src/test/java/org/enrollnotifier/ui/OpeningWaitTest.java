package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The data folder's opening is awaited off the JavaFX thread, with a notice only when it takes long. */
class OpeningWaitTest {

    /** Records the steps in the order they ran; {@code opened} counts down when the wait is over. */
    private static final class RecordedSteps implements OpeningWait.Steps<String> {
        final List<String> steps = new CopyOnWriteArrayList<>();
        final CountDownLatch noticeShown = new CountDownLatch(1);
        final CountDownLatch opened = new CountDownLatch(1);

        @Override
        public void showNotice() {
            steps.add("notice");
            noticeShown.countDown();
        }

        @Override
        public void opened(Future<String> opening) {
            try {
                steps.add("opened " + opening.get(0, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                steps.add("failed");
            } catch (InterruptedException | TimeoutException e) {
                steps.add("not finished");
            }
            opened.countDown();
        }
    }

    @Test
    void aFolderOpenedWithinThePatienceComesWithoutANotice() throws Exception {
        RecordedSteps steps = new RecordedSteps();

        OpeningWait.start(CompletableFuture.completedFuture("folder"), Duration.ofMinutes(1), Runnable::run, steps);

        assertTrue(steps.opened.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("opened folder"), steps.steps);
    }

    @Test
    void aLongOpeningShowsTheNoticeUntilTheFolderIsOpen() throws Exception {
        CompletableFuture<String> opening = new CompletableFuture<>();
        RecordedSteps steps = new RecordedSteps();

        OpeningWait.start(opening, Duration.ofMillis(20), Runnable::run, steps);

        assertTrue(steps.noticeShown.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("notice"), steps.steps, "still opening");
        opening.complete("upgraded folder");
        assertTrue(steps.opened.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("notice", "opened upgraded folder"), steps.steps);
    }

    @Test
    void aFailedOpeningIsHandedOnLikeAnOpenedOne() throws Exception {
        RecordedSteps steps = new RecordedSteps();

        OpeningWait.start(CompletableFuture.failedFuture(new IllegalStateException("locked")), Duration.ofMinutes(1),
                Runnable::run, steps);

        assertTrue(steps.opened.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("failed"), steps.steps);
    }
}
