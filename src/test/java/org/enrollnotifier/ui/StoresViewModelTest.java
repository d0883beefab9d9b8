package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.enrollnotifier.app.DirectoryImport;
import org.enrollnotifier.app.StoreAdmin;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.StoreSummary;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class StoresViewModelTest {

    @RegisterExtension
    final DemoWorkspace demo = new DemoWorkspace();

    @TempDir
    Path files;
    private final AtomicInteger mainWindowRefreshes = new AtomicInteger();
    private StoresViewModel model;
    private ManualBackground queries;
    private ManualBackground longWork;

    @BeforeEach
    void open() {
        queries = new ManualBackground();
        longWork = new ManualBackground();
        model = new StoresViewModel(new UserDirectory(demo.get()), new DirectoryImport(demo.get()),
                new StoreAdmin(demo.get()), queries, longWork, mainWindowRefreshes::incrementAndGet);
        model.load();
    }

    @Test
    void listsTheDemoStores() {
        assertEquals(3, model.stores().size());
        assertTrue(model.stores().stream().allMatch(s -> s.store().demo()));
    }

    @Test
    void aCsvImportAddsTheStoreShowsItsProblemsAndRefreshesTheMainWindow() throws Exception {
        Path csv = Files.writeString(files.resolve("new.csv"),
                "username,email\nann,ann@corp.test\nbob,bob at corp\n", StandardCharsets.UTF_8);

        model.importCsv(csv, "New hires", StoreKind.ENTRA_ID, Map.of());

        assertFalse(model.importingProperty().get());
        assertTrue(model.outcomeProperty().get().startsWith("New hires: 2 added"), model.outcomeProperty().get());
        assertEquals(1, model.problems().size());
        assertEquals("line 3", model.problems().get(0).location());
        StoreSummary added = model.stores().stream().filter(s -> s.store().name().equals("New hires"))
                .findFirst().orElseThrow();
        assertEquals(StoreKind.ENTRA_ID, added.store().kind());
        assertEquals(2, added.userCount());
        assertEquals(1, mainWindowRefreshes.get());
    }

    @Test
    void aFailedImportSaysSoAndChangesNothing() {
        model.importCsv(files.resolve("gone.csv"), "Ghost", StoreKind.CSV, Map.of());
        assertTrue(model.outcomeProperty().get().contains("gone.csv"), model.outcomeProperty().get());
        assertTrue(model.outcomeProperty().get().endsWith("No identity store named Ghost was created."),
                model.outcomeProperty().get());
        assertEquals(3, model.stores().size());
        assertEquals(0, mainWindowRefreshes.get());
    }

    @Test
    void renameRefusesANameInUseAndDeleteRemovesTheStore() {
        StoreSummary first = model.stores().get(0);
        StoreSummary second = model.stores().get(1);
        model.rename(first, second.store().name());
        assertEquals("Another identity store is already named \"" + second.store().name() + "\".",
                model.outcomeProperty().get());

        model.rename(first, "Contoso");
        assertTrue(model.stores().stream().anyMatch(s -> s.store().name().equals("Contoso")));

        longWork.hold();
        model.delete(second);
        assertEquals("Deleting \"" + second.store().name() + "\" and its " + CountText.of(second.userCount(), "user")
                + "…", model.outcomeProperty().get());
        assertTrue(model.busyProperty().get(), "the other actions wait");
        assertEquals(1, longWork.heldCount(), "the deletion runs with the long work, not ahead of the window's queries");
        longWork.releaseAll();
        assertFalse(model.busyProperty().get());
        assertEquals(2, model.stores().size());
        assertTrue(model.outcomeProperty().get().startsWith("Deleted \"" + second.store().name() + "\""));
        assertEquals(2, mainWindowRefreshes.get());
    }
}
