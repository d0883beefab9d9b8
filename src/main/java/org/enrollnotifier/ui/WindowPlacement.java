package org.enrollnotifier.ui;

import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.enrollnotifier.model.WindowBounds;

/** Puts a stage where it was last closed, as long as that is still on a screen. */
final class WindowPlacement {

    /** How much of the window's top edge must lie on a screen for the operator to grab and move it. */
    static final double GRABBABLE_HEIGHT = 40;

    private WindowPlacement() {
    }

    /** Keeps the saved size always; keeps the position only if it is on one of today's screens. */
    static void apply(Stage stage, Optional<WindowBounds> saved) {
        saved.ifPresent(bounds -> {
            stage.setWidth(Math.max(bounds.width(), stage.getMinWidth()));
            stage.setHeight(Math.max(bounds.height(), stage.getMinHeight()));
            if (isOnAScreen(bounds)) {
                stage.setX(bounds.x());
                stage.setY(bounds.y());
            }
        });
    }

    static boolean isOnAScreen(WindowBounds bounds) {
        Rectangle2D titleBar = new Rectangle2D(bounds.x(), bounds.y(), bounds.width(), GRABBABLE_HEIGHT);
        return Screen.getScreens().stream().anyMatch(screen -> screen.getVisualBounds().intersects(titleBar));
    }

    /** A maximised or minimised window's bounds are not the ones to reopen with. */
    static Optional<WindowBounds> of(Stage stage) {
        if (stage.isMaximized() || stage.isIconified() || stage.isFullScreen()) {
            return Optional.empty();
        }
        return Optional.of(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
    }
}
