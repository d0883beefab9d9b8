package org.enrollnotifier.ui;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Scenes no larger than the screen they open on, less its task bar and the window's frame: on a
 * 1,366 × 768 laptop Compose was 820 pixels high, its Notify and Cancel buttons below the screen's
 * edge.
 */
final class ScreenFit {

    /** The title bar and borders a window manager adds around a scene. */
    private static final double FRAME = 40;

    private ScreenFit() {
    }

    /** A scene of the given size, or of the room on the screen of {@code owner} where that is smaller. */
    static Scene scene(Parent root, double width, double height, Window owner) {
        Rectangle2D screen = screenOf(owner).getVisualBounds();
        return new Scene(root, Math.min(width, screen.getWidth() - FRAME), Math.min(height, screen.getHeight() - FRAME));
    }

    /** The screen {@code owner} is on; the primary one when there is no owner or it is off every screen. */
    private static Screen screenOf(Window owner) {
        if (owner == null) {
            return Screen.getPrimary();
        }
        List<Screen> screens = Screen.getScreensForRectangle(owner.getX() + owner.getWidth() / 2,
                owner.getY() + owner.getHeight() / 2, 1, 1);
        return screens.isEmpty() ? Screen.getPrimary() : screens.get(0);
    }
}
