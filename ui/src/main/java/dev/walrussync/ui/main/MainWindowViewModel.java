package dev.walrussync.ui.main;

import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.ui.tray.TrayState;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.jspecify.annotations.Nullable;

/** The main window: which screen shows, the status line at the bottom, and whether a tray icon exists. */
public final class MainWindowViewModel {
    private final SyncMonitor monitor;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.DASHBOARD);
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("Starting…");
    private final ReadOnlyStringWrapper trayNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);

    public MainWindowViewModel(SyncMonitor monitor, boolean trayInstalled) {
        this.monitor = monitor;
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
        statusLine.set(line(monitor.trayStateProperty().get(), s));
    }

    static String line(TrayState state, SyncStatus s) {
        int n = s.folders().size();
        String folders = n + " folder" + (n == 1 ? "" : "s");
        return switch (state) {
            case IDLE -> n == 0 ? "No folders yet" : "Up to date · " + folders + " protected";
            case SYNCING -> "Backing up… · " + folders;
            case PAUSED -> "Paused · " + folders;
            case ATTENTION -> "Needs attention · see the dashboard";
        };
    }

    /** Pauses or resumes uploads. */
    public void togglePause() {
        boolean resume = paused.get();
        monitor.setPaused(!resume, why -> statusLine.set("Could not " + (resume ? "resume" : "pause") + ": " + why));
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

    public SyncMonitor monitor() {
        return monitor;
    }
}
