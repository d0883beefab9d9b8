package org.enrollnotifier.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.Workspace;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A data folder in a fresh temporary directory, opened as on a first start (so with the demo
 * stores), and closed and deleted afterwards. Registered static, it serves a whole test class;
 * registered on an instance field, each test gets its own.
 */
public final class DemoWorkspace implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private Path folder;
    private Workspace workspace;
    private boolean perClass;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            open();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            close();
        }
    }

    private void open() throws IOException, StartupProblem {
        folder = Files.createTempDirectory("enroll-notifier-test");
        workspace = Workspace.open(folder);
    }

    /** Closes the data folder, e.g. to look at its files, and opens it again. */
    public void reopen() throws StartupProblem {
        workspace.close();
        workspace = Workspace.open(folder);
    }

    private void close() throws IOException {
        workspace.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    public Workspace get() {
        return workspace;
    }

    public Path folder() {
        return folder;
    }
}
