package org.enrollnotifier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    private static final Path HOME = Path.of("/home/operator");

    @Test
    void theDataDirOptionWinsOverEverything() {
        Path chosen = Path.of("/srv/notifier");
        assertEquals(chosen, DataFolder.resolve(chosen, Map.of(DataFolder.HOME_VARIABLE, "/elsewhere"), "Linux", HOME));
    }

    @Test
    void theEnvironmentVariableWinsOverThePlatformFolder() {
        assertEquals(Path.of("/data/en"),
                DataFolder.resolve(null, Map.of(DataFolder.HOME_VARIABLE, "/data/en"), "Windows 11", HOME));
    }

    @Test
    void linuxUsesXdgDataHomeOrItsDefault() {
        assertEquals(Path.of("/xdg/enroll-notifier"),
                DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux", HOME));
        assertEquals(HOME.resolve(".local/share/enroll-notifier"), DataFolder.resolve(null, Map.of(), "Linux", HOME));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertEquals(Path.of("/appdata/local/EnrollNotifier"),
                DataFolder.resolve(null, Map.of("LOCALAPPDATA", "/appdata/local"), "Windows 10", HOME));
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(HOME.resolve("Library/Application Support/Enroll Notifier"),
                DataFolder.resolve(null, Map.of(), "Mac OS X", HOME));
    }
}
