package dev.walrussync.ui.main;

import dev.walrussync.engine.model.SyncException;
import dev.walrussync.ui.settings.DesktopPreferences;
import dev.walrussync.ui.tray.TrayIntegration;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns activity into notifications: a backup that failed, a low runway, stored data at risk, a restore that
 * finished, each as the user chose in {@code desktop.json} (read again for every notification, so a change on the
 * Settings screen counts at once). They go beside the tray icon; where there is no tray, into the window's banner.
 * Failed backups are not announced while the network is offline: the tray icon says so once, instead of a
 * notification per retry.
 */
public final class Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final TrayIntegration tray;
    private final Path home;
    private final Executor background;
    private final Executor fxExecutor;
    private final BooleanSupplier offline;
    private final ReadOnlyObjectWrapper<@Nullable Activity> banner = new ReadOnlyObjectWrapper<>();

    /**
     * @param home the app home, where {@code desktop.json} lives
     * @param offline whether the storage network is out of reach now
     */
    public Notifications(
            ActivityLog log,
            TrayIntegration tray,
            Path home,
            Executor background,
            Executor fxExecutor,
            BooleanSupplier offline) {
        this.tray = tray;
        this.home = home;
        this.background = background;
        this.fxExecutor = fxExecutor;
        this.offline = offline;
        log.onAdded(this::consider);
    }

    /** Whether the user wants to hear of {@code kind}; kinds the tray icon shows by itself are never announced. */
    static boolean wanted(DesktopPreferences p, Activity.Kind kind) {
        return switch (kind) {
            case BACKUP_FAILED -> p.notifyBackupFailed();
            case LOW_RUNWAY -> p.notifyLowRunway();
            case EXPIRY_RISK -> p.notifyExpiryRisk();
            case RESTORED -> p.notifyRestoreDone();
            case BACKED_UP, ONLINE, OFFLINE -> false;
        };
    }

    private void consider(Activity a) {
        if (a.kind() == Activity.Kind.BACKUP_FAILED && offline.getAsBoolean()) {
            return;
        }
        background.execute(() -> {
            DesktopPreferences prefs;
            try {
                prefs = DesktopPreferences.load(home);
            } catch (SyncException e) {
                LOG.warn("{}; notifying with the defaults", e.getMessage());
                prefs = DesktopPreferences.DEFAULTS;
            }
            if (wanted(prefs, a.kind())) {
                fxExecutor.execute(() -> show(a));
            }
        });
    }

    private void show(Activity a) {
        if (!tray.notify(a.title(), a.text(), a.kind().warning())) {
            banner.set(a);
        }
    }

    /** The notification the window shows at its top, where there is no tray; null when none. */
    public ReadOnlyObjectProperty<@Nullable Activity> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** Hides the window's notification. */
    public void dismissBanner() {
        banner.set(null);
    }
}
