package dev.walrussync.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Resolves the app home: {@code --home}, else {@code WALRUS_SYNC_HOME}, else the per-OS default. */
public final class AppHome {
    private AppHome() {}

    public static Path resolve(String option, Map<String, String> env, String osName, String userHome) {
        if (option != null && !option.isBlank()) {
            return Path.of(option).toAbsolutePath().normalize();
        }
        String fromEnv = env.get("WALRUS_SYNC_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Walrus Sync");
        }
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return local != null ? Path.of(local, "Walrus Sync") : Path.of(userHome, "AppData", "Local", "Walrus Sync");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "walrus-sync")
                : Path.of(userHome, ".local", "share", "walrus-sync");
    }
}
