package dev.walrussync.ui.folders;

import dev.walrussync.engine.api.SyncSettings;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WatchedFolder;
import dev.walrussync.ui.main.SyncMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The watched folders and what the user does with them: add, remove, change excludes, pause or resume one folder, and back up
 * now. Commands run on the background executor; results and errors come back through the FX executor.
 */
public final class FoldersViewModel {
    private final SyncMonitor monitor;
    private final ObservableList<FolderItem> folders = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private List<WatchedFolder> watched = List.of();
    private Map<String, String> states = Map.of();

    public FoldersViewModel(SyncMonitor monitor) {
        this.monitor = monitor;
        monitor.statusProperty().addListener((o, was, now) -> applyStatus(now));
        applyStatus(monitor.statusProperty().get());
        reload();
    }

    /** Reads the watched folders from {@code sync.json} again. */
    public void reload() {
        run(null, () -> {});
    }

    /** Starts watching {@code folder}; its first backup follows at once. */
    public void add(Path folder) {
        run("Added " + folder + "; its first backup starts now.", () -> {
            monitor.sync().addFolder(new WatchedFolder(folder, List.of()));
        });
    }

    /** Stops watching {@code path}; its snapshots stay restorable. */
    public void remove(String path) {
        run("Stopped watching " + path + ". Its snapshots stay restorable.", () -> {
            monitor.sync().removeFolder(Path.of(path));
        });
    }

    /** Replaces the folder's excludes with the patterns in {@code text}, one a line; blank lines are ignored. */
    public void setExcludes(String path, String text) {
        List<String> patterns = parseExcludes(text);
        run(
                "Saved " + patterns.size() + " exclude pattern" + (patterns.size() == 1 ? "" : "s") + " for " + path
                        + ".",
                () -> monitor.sync().setExcludes(Path.of(path), patterns));
    }

    /**
     * Pauses one folder (its changes wait; the others are still backed up) or resumes it. Pausing everything is the
     * main window's, for an hour or until resumed.
     */
    public void setFolderPaused(String path, boolean pause) {
        run(
                pause
                        ? "Paused " + path + ": its changes wait until you resume it."
                        : "Resumed " + path + ": changes made meanwhile are saved now.",
                () -> monitor.sync().setFolderPaused(Path.of(path), pause));
    }

    /** Backs up every folder now, ignoring quiet periods and the schedule. */
    public void syncNow() {
        run("Backing up every folder now.", () -> {
            monitor.sync().syncNow();
        });
    }

    static List<String> parseExcludes(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @FunctionalInterface
    private interface Command {
        void run() throws SyncException;
    }

    /** Runs {@code command} off the FX thread, then re-reads the folders and reports. */
    private void run(@Nullable String done, Command command) {
        busy.set(true);
        Path home = monitor.running().home();
        monitor.background().execute(() -> {
            String failure = null;
            try {
                command.run();
            } catch (SyncException | RuntimeException e) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            List<WatchedFolder> now;
            try {
                now = SyncSettings.load(home).folders();
            } catch (SyncException e) {
                now = watched;
                failure = failure == null ? e.getMessage() : failure;
            }
            List<WatchedFolder> list = now;
            String f = failure;
            monitor.fxExecutor().execute(() -> {
                watched = list;
                rebuild();
                busy.set(false);
                if (f != null) {
                    error.set(true);
                    message.set(f);
                } else if (done != null) {
                    error.set(false);
                    message.set(done);
                }
            });
            monitor.refreshStatus();
        });
    }

    private void applyStatus(@Nullable SyncStatus s) {
        if (s == null) {
            return;
        }
        Map<String, String> next = new HashMap<>();
        for (FolderStatus f : s.folders()) {
            next.put(f.path(), label(f));
        }
        if (!next.equals(states)) {
            states = next;
            rebuild();
        }
    }

    private static String label(FolderStatus f) {
        return switch (f.state()) {
            case IDLE -> "Up to date";
            case SCANNING -> "Scanning";
            case UPLOADING -> "Uploading";
            case PAUSED -> f.pendingChanges() == 0 ? "Paused" : "Paused · " + f.pendingChanges() + " waiting";
            case ERROR -> "Needs attention";
        };
    }

    private void rebuild() {
        List<FolderItem> items = new ArrayList<>();
        for (WatchedFolder w : watched) {
            String p = w.path().toString();
            items.add(new FolderItem(p, w.excludes(), w.paused(), states.getOrDefault(p, "Starting")));
        }
        if (!items.equals(folders)) {
            folders.setAll(items);
        }
    }

    public ObservableList<FolderItem> folders() {
        return folders;
    }

    /** What the last command did, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} reports a failure. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
