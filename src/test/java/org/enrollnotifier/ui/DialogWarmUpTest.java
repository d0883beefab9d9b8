package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DialogWarmUpTest {

    private final Queue<Runnable> uiThreadTurns = new ArrayDeque<>();
    private final List<Control> made = new ArrayList<>();

    @Test
    void stylesOneControlPerTurnOfTheUiThreadEachGettingItsSkin() throws Exception {
        DialogWarmUp warmUp = new DialogWarmUp(uiThreadTurns::add, List.of(making(TextArea::new), making(ListView::new)));

        warmUp.start();
        assertEquals(List.of(), made, "nothing made before the UI thread's turn");

        for (int turn = 1; turn <= 2; turn++) {
            takeTurn();
            assertEquals(turn, made.size(), "controls made after turn " + turn);
            assertNotNull(made.get(turn - 1).getSkin(), "the skin of " + made.get(turn - 1));
            assertEquals(1, uiThreadTurns.size(), "the next turn, asked for after turn " + turn);
        }
        takeTurn();
        assertEquals(2, made.size());
        assertTrue(uiThreadTurns.isEmpty(), "no turn asked for once every kind is warm");
    }

    private Supplier<Control> making(Supplier<Control> kind) {
        return () -> {
            Control control = kind.get();
            made.add(control);
            return control;
        };
    }

    private void takeTurn() throws Exception {
        WaitForAsyncUtils.asyncFx(uiThreadTurns.poll()).get();
    }
}
