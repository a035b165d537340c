package dev.walrussync.ui.main;

import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.ui.controls.Formats;
import dev.walrussync.ui.tray.TrayState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.jspecify.annotations.Nullable;

/**
 * The main window: which screen shows, the status line at the bottom, pausing and resuming, the notification banner
 * (where there is no tray), and whether a tray icon exists.
 */
public final class MainWindowViewModel {
    private final SyncMonitor monitor;
    private final Notifications notifications;
    private final ZoneId zone;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.DASHBOARD);
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("Starting…");
    private final ReadOnlyStringWrapper trayNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);

    public MainWindowViewModel(SyncMonitor monitor, boolean trayInstalled, Notifications notifications, ZoneId zone) {
        this.monitor = monitor;
        this.notifications = notifications;
        this.zone = zone;
        if (!trayInstalled) {
            trayNote.set("This desktop has no system tray, so Walrus Sync lives in this window:"
                    + " closing it stops the backups.");
        }
        monitor.statusProperty().addListener((o, was, now) -> apply(now));
        monitor.trayStateProperty()
                .addListener((o, was, now) -> apply(monitor.statusProperty().get()));
        apply(monitor.statusProperty().get());
    }

    public List<Screen> screens() {
        return List.of(Screen.values());
    }

    private void apply(@Nullable SyncStatus s) {
        if (s == null) {
            return;
        }
        paused.set(s.paused());
        statusLine.set(line(monitor.trayStateProperty().get(), s, zone));
    }

    /** The one-line summary under the window and in the tray's tooltip. */
    static String line(TrayState state, SyncStatus s, ZoneId zone) {
        int n = s.folders().size();
        String folders = n + " folder" + (n == 1 ? "" : "s");
        return switch (state) {
            case IDLE -> n == 0 ? "No folders yet" : "Up to date · " + folders + " protected";
            case SYNCING -> {
                double p = TrayState.progress(s);
                yield "Backing up…" + (p >= 0 ? " " + Math.round(p * 100) + "%" : "") + " · " + folders;
            }
            case PAUSED -> {
                Instant until = s.policy().resumeAt();
                yield (until == null ? "Paused" : "Paused until " + Formats.clock(until, zone)) + " · " + folders;
            }
            case ATTENTION -> "Needs attention · see the dashboard";
            case OFFLINE -> "Offline · changes wait on this computer";
        };
    }

    /** Pauses until resumed, or resumes. */
    public void togglePause() {
        boolean resume = paused.get();
        monitor.setPaused(!resume, why -> statusLine.set("Could not " + (resume ? "resume" : "pause") + ": " + why));
    }

    /** Pauses for {@link AppFlow#PAUSE_A_WHILE}; backups resume by themselves then. */
    public void pauseForAWhile() {
        pauseFor(AppFlow.PAUSE_A_WHILE);
    }

    void pauseFor(Duration d) {
        monitor.pauseFor(d, why -> statusLine.set("Could not pause: " + why));
    }

    /** Backs up every folder now. */
    public void syncNow() {
        monitor.syncNow();
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }

    /** Why there is no tray icon, or empty. */
    public ReadOnlyStringProperty trayNoteProperty() {
        return trayNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** The notification shown at the top of the window (where there is no tray), or null. */
    public ReadOnlyObjectProperty<@Nullable Activity> bannerProperty() {
        return notifications.bannerProperty();
    }

    public void dismissBanner() {
        notifications.dismissBanner();
    }

    public SyncMonitor monitor() {
        return monitor;
    }
}
