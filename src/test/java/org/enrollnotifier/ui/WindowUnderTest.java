package org.enrollnotifier.ui;

import javafx.stage.Stage;
import org.enrollnotifier.app.Workspace;

/** The helpdesk window on a test stage, with its own background threads, closed after the test. */
final class WindowUnderTest implements AutoCloseable {

    private final FxBackground queries = new FxBackground("test-queries");
    private final FxBackground deliveries = new FxBackground("test-deliveries");
    private final FxBackground imports = new FxBackground("test-imports");
    private final MainViewModel model;

    WindowUnderTest(Stage stage, Workspace workspace) {
        model = MainWindow.show(stage, new Services(workspace, queries, deliveries, imports, new SessionPassword()));
    }

    MainViewModel model() {
        return model;
    }

    @Override
    public void close() {
        queries.close();
        deliveries.close();
        imports.close();
    }
}
