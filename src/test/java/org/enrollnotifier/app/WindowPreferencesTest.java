package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.enrollnotifier.model.WindowBounds;
import org.enrollnotifier.model.WindowState;
import org.enrollnotifier.store.SettingsRepository;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WindowPreferencesTest {

    @RegisterExtension
    final DemoWorkspace workspace = new DemoWorkspace();

    @Test
    void nothingIsRememberedBeforeTheWindowWasFirstClosed() {
        assertEquals(WindowState.NONE, new WindowPreferences(workspace.get()).load());
    }

    @Test
    void whatWasSavedIsLoadedBackAfterTheDataFolderIsReopened() throws Exception {
        WindowState closed = new WindowState(Optional.of(new WindowBounds(-1280, 40.5, 1100, 700)),
                Optional.of("Demo · Fabrikam (Entra ID)"), OptionalInt.of(100));
        new WindowPreferences(workspace.get()).save(closed);

        workspace.reopen();

        assertEquals(closed, new WindowPreferences(workspace.get()).load());
    }

    @Test
    void savingWithoutAStoreKeepsTheStoreSavedBefore() {
        WindowPreferences preferences = new WindowPreferences(workspace.get());
        preferences.save(new WindowState(Optional.empty(), Optional.of("Demo · Contoso (Active Directory)"),
                OptionalInt.of(50)));

        preferences.save(new WindowState(Optional.of(new WindowBounds(0, 0, 900, 500)), Optional.empty(),
                OptionalInt.of(25)));

        WindowState loaded = preferences.load();
        assertEquals(Optional.of("Demo · Contoso (Active Directory)"), loaded.storeName());
        assertEquals(OptionalInt.of(25), loaded.pageSize());
        assertEquals(Optional.of(new WindowBounds(0, 0, 900, 500)), loaded.bounds());
    }

    @Test
    void valuesThatNoLongerParseCountAsNeverSaved() {
        workspace.get().database().write(c -> {
            new SettingsRepository().putAll(c, Map.of(WindowPreferences.X, "left", WindowPreferences.Y, "10",
                    WindowPreferences.WIDTH, "900", WindowPreferences.HEIGHT, "600",
                    WindowPreferences.PAGE_SIZE, "many"));
            return null;
        });

        WindowState loaded = new WindowPreferences(workspace.get()).load();

        assertEquals(Optional.empty(), loaded.bounds());
        assertEquals(OptionalInt.empty(), loaded.pageSize());
    }
}
