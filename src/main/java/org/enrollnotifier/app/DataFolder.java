package org.enrollnotifier.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the database, logs and pickup folder live: the per-user data folder of the platform. */
public final class DataFolder {

    public static final String HOME_VARIABLE = "ENROLL_NOTIFIER_HOME";

    private DataFolder() {
    }

    /** The folder from the environment and the platform, for when no {@code --data-dir} was given. */
    public static Path fromEnvironment() {
        return resolve(null, System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    /**
     * @param override the {@code --data-dir} option; wins over everything when given
     */
    public static Path resolve(Path override, Map<String, String> environment, String osName, Path userHome) {
        if (override != null) {
            return override.toAbsolutePath();
        }
        String home = environment.get(HOME_VARIABLE);
        if (isSet(home)) {
            return Path.of(home).toAbsolutePath();
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = environment.get("LOCALAPPDATA");
            Path base = isSet(localAppData) ? Path.of(localAppData) : userHome.resolve("AppData").resolve("Local");
            return base.resolve("EnrollNotifier");
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Enroll Notifier");
        }
        String xdgDataHome = environment.get("XDG_DATA_HOME");
        Path base = isSet(xdgDataHome) ? Path.of(xdgDataHome) : userHome.resolve(".local").resolve("share");
        return base.resolve("enroll-notifier");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
