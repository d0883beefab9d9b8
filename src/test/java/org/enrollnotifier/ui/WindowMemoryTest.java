package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.OptionalInt;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.enrollnotifier.app.OperatorLog;
import org.enrollnotifier.app.WindowPreferences;
import org.enrollnotifier.model.WindowBounds;
import org.enrollnotifier.model.WindowState;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window remembers its size, position, store and page size, and tells where its files are. */
@ExtendWith(ApplicationExtension.class)
class WindowMemoryTest {

    private static final String NORTHWIND = "Demo · Northwind (LDAP)";

    @RegisterExtension
    final DemoWorkspace workspace = new DemoWorkspace();

    @Test
    void closingSavesTheWindowAndTheNextOpeningRestoresIt(FxRobot robot) {
        WindowPreferences preferences = new WindowPreferences(workspace.get());
        preferences.save(new WindowState(Optional.of(new WindowBounds(20, 30, 1000, 620)), Optional.of(NORTHWIND),
                OptionalInt.of(50)));

        Stage stage = onFx(Stage::new);
        try (WindowUnderTest window = onFx(() -> new WindowUnderTest(stage, workspace.get()))) {
            MainViewModel model = window.model();
            FxWait.until(() -> !model.loadingProperty().get() && model.selectedStoreProperty().get() != null);
            assertEquals(NORTHWIND, model.selectedStoreProperty().get().name());
            assertEquals(50, model.pageSizeProperty().get());
            assertEquals(new WindowBounds(20, 30, 1000, 620), WindowPlacement.of(stage).orElseThrow());

            robot.interact(() -> {
                model.pageSizeProperty().set(100);
                model.selectedStoreProperty().set(model.storeChoices().get(0));
                stage.setX(40);
                stage.setWidth(1100);
                stage.close();
            });
        }

        WindowState saved = preferences.load();
        assertEquals(Optional.of(new WindowBounds(40, 30, 1100, 620)), saved.bounds());
        assertEquals(Optional.of(StoreChoice.ALL_STORES), saved.storeName());
        assertEquals(OptionalInt.of(100), saved.pageSize());
    }

    @Test
    void aPositionOffEveryScreenIsIgnoredButItsSizeKept(FxRobot robot) {
        WindowBounds offScreen = new WindowBounds(-20_000, -20_000, 1000, 620);
        assertFalse(WindowPlacement.isOnAScreen(offScreen));
        assertTrue(WindowPlacement.isOnAScreen(new WindowBounds(0, 0, 1000, 620)));

        Stage stage = onFx(() -> {
            Stage placed = new Stage();
            WindowPlacement.apply(placed, Optional.of(offScreen));
            return placed;
        });

        assertEquals(1000, stage.getWidth());
        assertEquals(620, stage.getHeight());
        assertTrue(Double.isNaN(stage.getX()), "left for the window system to place: " + stage.getX());
    }

    @Test
    void aboutShowsTheVersionTheDataFolderAndTheLogFile(FxRobot robot) {
        Stage stage = onFx(Stage::new);
        try (WindowUnderTest window = onFx(() -> new WindowUnderTest(stage, workspace.get()))) {
            robot.clickOn("#openAbout");
            WaitForAsyncUtils.waitForFxEvents();

            assertEquals("development", robot.lookup("#aboutVersion").queryAs(TextField.class).getText());
            assertEquals(workspace.get().folder().toString(),
                    robot.lookup("#aboutDataFolder").queryAs(TextField.class).getText());
            assertEquals(OperatorLog.currentFile(workspace.get().folder()).toString(),
                    robot.lookup("#aboutLogFile").queryAs(TextField.class).getText());
            robot.clickOn("Close");
            robot.interact(stage::close);
        }
    }

    private static <T> T onFx(Callable<T> work) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }
}
