package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutionException;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ScreenFitTest {

    @Test
    void aSceneThatFitsKeepsItsSize() throws Exception {
        assertEquals(new Dimension2D(900, 620), sizeOf(900, 620));
    }

    @Test
    void aSceneLargerThanTheScreenGetsTheScreenLessTheWindowFrame() throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();

        assertEquals(new Dimension2D(screen.getWidth() - 40, screen.getHeight() - 40),
                sizeOf(screen.getWidth() + 100, screen.getHeight() + 1));
    }

    private static Dimension2D sizeOf(double width, double height) throws InterruptedException, ExecutionException {
        Scene scene = WaitForAsyncUtils.asyncFx(() -> ScreenFit.scene(new StackPane(), width, height, null)).get();
        return new Dimension2D(scene.getWidth(), scene.getHeight());
    }
}
