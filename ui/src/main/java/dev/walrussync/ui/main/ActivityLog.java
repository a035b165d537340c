package dev.walrussync.ui.main;

import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WalrusStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * What happened lately, newest first, derived from the changes between one sample of the engine's state and the
 * next: a folder's new snapshot, a backup that failed, an alert that appeared, the network going away and coming
 * back; restores report themselves. The tray shows the last few entries; {@link Notifications} turns some into
 * notifications. Lives on the FX thread.
 */
public final class ActivityLog {
    /** How many entries are kept. */
    static final int KEPT = 50;

    private final ObservableList<Activity> entries = FXCollections.observableArrayList();
    private final ObservableList<Activity> readOnly = FXCollections.unmodifiableObservableList(entries);
    private final List<Consumer<Activity>> listeners = new ArrayList<>();
    private final Map<String, FolderStatus> lastFolders = new HashMap<>();
    private Set<Alert.Kind> lastAlerts = EnumSet.noneOf(Alert.Kind.class);
    private @Nullable Instant lastSeen;
    private boolean offline;

    /** Follows the monitor's samples from now on. */
    public void follow(SyncMonitor monitor) {
        monitor.statusProperty().addListener((o, was, now) -> {
            if (now != null) {
                onStatus(now);
            }
        });
        monitor.walrusProperty().addListener((o, was, now) -> {
            if (now != null) {
                onWalrus(now);
            }
        });
        monitor.offlineProperty()
                .addListener((o, was, now) ->
                        onOffline(now, monitor.walrusErrorProperty().get()));
    }

    /** Calls {@code listener} with every entry added from now on, on the FX thread. */
    public void onAdded(Consumer<Activity> listener) {
        listeners.add(listener);
    }

    /** The entries, newest first. */
    public ObservableList<Activity> entries() {
        return readOnly;
    }

    /**
     * Compares a folder sample with the one before: new snapshots and new failures are news. What the first sample
     * shows is not; a folder added later starts from nothing, so its first backup is news even if it ended between
     * two samples.
     */
    void onStatus(SyncStatus status) {
        boolean first = lastSeen == null;
        lastSeen = status.at();
        for (FolderStatus f : status.folders()) {
            FolderStatus before = lastFolders.put(f.path(), f);
            if (before == null) {
                if (first) {
                    continue;
                }
                before = new FolderStatus(f.path(), FolderState.IDLE, 0, 0, 0, 0, null, null, null, null, 0, null);
            }
            String name = folderName(f.path());
            if (f.lastSnapshotId() != null && !f.lastSnapshotId().equals(before.lastSnapshotId())) {
                add(Activity.Kind.BACKED_UP, name, name + " is backed up (snapshot " + f.lastSnapshotId() + ")");
            }
            boolean failedNow = f.state() == FolderState.ERROR && f.lastError() != null;
            boolean failedBefore = before.state() == FolderState.ERROR && before.lastError() != null;
            if (failedNow && !(failedBefore && f.lastError().equals(before.lastError()))) {
                add(Activity.Kind.BACKUP_FAILED, name, "Backing up " + name + " failed: " + f.lastError());
            }
        }
        lastFolders
                .keySet()
                .retainAll(status.folders().stream().map(FolderStatus::path).toList());
    }

    /** An alert is news when its kind was not raised by the sample before (the first sample's alerts are news). */
    void onWalrus(WalrusStatus walrus) {
        Set<Alert.Kind> now = EnumSet.noneOf(Alert.Kind.class);
        for (Alert a : walrus.alerts()) {
            now.add(a.kind());
            if (!lastAlerts.contains(a.kind())) {
                boolean expiry = a.kind() == Alert.Kind.EXPIRY_WITHOUT_FUNDS || a.kind() == Alert.Kind.DATA_EXPIRED;
                add(
                        expiry ? Activity.Kind.EXPIRY_RISK : Activity.Kind.LOW_RUNWAY,
                        expiry ? "Stored data at risk" : "Storage money running low",
                        a.message());
            }
        }
        lastAlerts = now;
    }

    void onOffline(boolean isOffline, String why) {
        if (isOffline == offline) {
            return;
        }
        offline = isOffline;
        if (isOffline) {
            add(
                    Activity.Kind.OFFLINE,
                    "Offline",
                    "The storage network cannot be reached" + (why.isEmpty() ? "" : ": " + why)
                            + ". Changes wait on this computer and are backed up when it is back.");
        } else {
            add(Activity.Kind.ONLINE, "Online", "The storage network can be reached again.");
        }
    }

    /** A restore finished: {@code text} says what was restored where. */
    public void restored(String text) {
        add(Activity.Kind.RESTORED, "Restore finished", text);
    }

    private void add(Activity.Kind kind, String title, String text) {
        Activity a = new Activity(lastSeen == null ? Instant.EPOCH : lastSeen, kind, title, text);
        entries.addFirst(a);
        if (entries.size() > KEPT) {
            entries.remove(KEPT, entries.size());
        }
        listeners.forEach(l -> l.accept(a));
    }

    static String folderName(String path) {
        Path p = Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }
}
