package dev.walrussync.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.walrussync.engine.model.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What only the desktop app uses, kept in {@code desktop.json} in the app home: whether it starts at login and which
 * notifications it shows. The engine's settings ({@code sync.json}, {@code walrus.json}) stay the engine's.
 *
 * @param startAtLogin whether the app is started when the user logs in
 * @param notifyBackupFailed a folder's backup failed
 * @param notifyLowRunway the money keeps the data stored for less than 30 days
 * @param notifyExpiryRisk stored data expires soon and cannot be renewed, or has expired
 * @param notifyRestoreDone a restore finished
 */
public record DesktopPreferences(
        boolean startAtLogin,
        boolean notifyBackupFailed,
        boolean notifyLowRunway,
        boolean notifyExpiryRisk,
        boolean notifyRestoreDone) {
    public static final String FILE_NAME = "desktop.json";
    /** Every notification on; start at login off until the user asks (the installer may turn it on). */
    public static final DesktopPreferences DEFAULTS = new DesktopPreferences(false, true, true, true, true);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The preferences in {@code home}, or the defaults if there are none. */
    public static DesktopPreferences load(Path home) throws SyncException {
        Path file = home.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        try {
            return JSON.readValue(file.toFile(), DesktopPreferences.class);
        } catch (IOException e) {
            throw new SyncException(
                    "cannot read " + file + ": " + e.getMessage() + "; fix or delete it (it holds only the desktop"
                            + " app's notification and start-at-login choices)",
                    e);
        }
    }

    /** Writes the preferences to {@code home}: a new file moved over the old one, so a crash leaves one or the other. */
    public void save(Path home) throws SyncException {
        Path file = home.resolve(FILE_NAME);
        Path tmp = home.resolve(FILE_NAME + ".tmp");
        try {
            Files.write(tmp, JSON.writeValueAsBytes(this));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SyncException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public DesktopPreferences withStartAtLogin(boolean on) {
        return new DesktopPreferences(on, notifyBackupFailed, notifyLowRunway, notifyExpiryRisk, notifyRestoreDone);
    }

    public DesktopPreferences withNotifications(
            boolean backupFailed, boolean lowRunway, boolean expiryRisk, boolean restoreDone) {
        return new DesktopPreferences(startAtLogin, backupFailed, lowRunway, expiryRisk, restoreDone);
    }
}
