package org.enrollnotifier.ui;

import javafx.stage.Stage;
import org.enrollnotifier.app.Workspace;

/** The helpdesk window on a test stage, with its own background threads, closed after the test. */
final class WindowUnderTest implements AutoCloseable {

    private final FxBackground queries = new FxBackground("test-queries");
    private final FxBackground deliveries = new FxBackground("test-deliveries");
    private final FxBackground imports = new FxBackground("test-imports");
    private final MainViewModel model;
    private final Runnable afterClose;

    WindowUnderTest(Stage stage, Workspace workspace) {
        this(stage, workspace, () -> { });
    }

    private WindowUnderTest(Stage stage, Workspace workspace, Runnable afterClose) {
        model = MainWindow.show(stage, new Services(workspace, queries, deliveries, imports, new SessionPassword()));
        this.afterClose = afterClose;
    }

    /** A window on a data folder opened for it alone, which closes with the window. */
    static WindowUnderTest owning(Stage stage, Workspace workspace) {
        return new WindowUnderTest(stage, workspace, workspace::close);
    }

    MainViewModel model() {
        return model;
    }

    @Override
    public void close() {
        queries.close();
        deliveries.close();
        imports.close();
        afterClose.run();
    }
}
