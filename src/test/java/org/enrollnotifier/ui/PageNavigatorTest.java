package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The page controls under the table, on their own. */
@ExtendWith(ApplicationExtension.class)
class PageNavigatorTest {

    @RegisterExtension
    static final DemoWorkspace WORKSPACE = new DemoWorkspace();

    private final ManualBackground background = new ManualBackground();
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = new MainViewModel(new UserDirectory(WORKSPACE.get()), background);
        model.start();
        stage.setScene(new Scene(new PageNavigator(model).node(), 900, 40));
        stage.show();
    }

    @Test
    void whileASearchIsCountedThePageFieldStaysWhereItWas(FxRobot robot) {
        Label pageCount = robot.lookup("#pageCountLabel").queryAs(Label.class);
        TextField pageField = robot.lookup("#pageField").queryAs(TextField.class);
        double placeBefore = pageField.localToScene(0, 0).getX();

        robot.interact(() -> {
            background.hold();
            model.searchTextProperty().set("@");
            background.release(0);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("of …", pageCount.getText());
        assertEquals(placeBefore, pageField.localToScene(0, 0).getX(), 0.5);
    }
}
