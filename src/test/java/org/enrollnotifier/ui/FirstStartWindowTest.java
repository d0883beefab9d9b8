package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.enrollnotifier.app.FolderHolder;
import org.enrollnotifier.app.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window on a new data folder, whose demo stores are written only once it is shown. */
@ExtendWith(ApplicationExtension.class)
class FirstStartWindowTest {

    @TempDir
    static Path parent;

    private WindowUnderTest window;

    @Start
    void start(Stage stage) throws Exception {
        window = WindowUnderTest.owning(stage, Workspace.openLeavingDemoData(parent.resolve("new"), FolderHolder.WINDOW));
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void theWindowShowsTheDemoStoresWrittenAfterItAppeared() {
        MainViewModel model = window.model();

        FxWait.until(() -> !model.loadingProperty().get() && !model.rows().isEmpty());

        assertEquals(3, model.storeChoices().stream().filter(choice -> choice.name().startsWith("Demo")).count(),
                model.storeChoices().toString());
        assertTrue(model.countsProperty().get().listed() > 3_000, model.countsProperty().get().toString());
    }
}
