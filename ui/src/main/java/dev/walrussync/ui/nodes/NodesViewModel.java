package dev.walrussync.ui.nodes;

import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.model.NodeStatus;
import dev.walrussync.ui.main.SyncMonitor;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The nodes screen: the committee's storage nodes with their health, and whether enough shards answer to write and to
 * read.
 *
 * <p>Every engine call goes through {@link SyncService#callBetweenBackups}, on the background executor; results come
 * back through the FX executor. Properties change on the FX executor's thread only.
 */
public final class NodesViewModel {
    /** How long a health check waits for a running backup before it says so. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    static final String NOT_ON_WALRUS =
            "This repository is stored in a folder, not on Walrus: it has no storage nodes.";

    private final SyncMonitor monitor;

    private final ObservableList<NodeItem> nodes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable Quorum> quorum = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper writeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper readText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canWrite = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRead = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);

    public NodesViewModel(SyncMonitor monitor) {
        this.monitor = monitor;
    }

    /** Whether the repository is on Walrus; if not, the screen only says so. */
    public boolean onWalrus() {
        return monitor.running().onWalrus();
    }

    /** Checks every node's health again. */
    public void refresh() {
        if (!onWalrus()) {
            nodes.clear();
            quorum.set(null);
            error.set(false);
            message.set(NOT_ON_WALRUS);
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set("Checking the storage nodes…");
        error.set(false);
        monitor.callBetweenBackups(TIMEOUT, RepositorySession::nodeHealth, this::show, why -> {
            busy.set(false);
            error.set(true);
            message.set("Cannot check the storage nodes: " + why);
        });
    }

    private void show(List<NodeStatus> list) {
        busy.set(false);
        nodes.setAll(list.stream()
                .sorted(Comparator.comparing(NodeStatus::reachable)
                        .thenComparing(NodeStatus::name, String.CASE_INSENSITIVE_ORDER))
                .map(NodesViewModel::item)
                .toList());
        Quorum q = Quorum.of(list);
        quorum.set(q);
        canWrite.set(q.canWrite());
        canRead.set(q.canRead());
        String of = q.reachableShards() + " of " + q.shards() + " shards answer";
        writeText.set((q.canWrite() ? "Writing works: " : "Writing fails: ") + of + "; storing needs more than "
                + 2 * q.faulty() + " (2f).");
        readText.set((q.canRead() ? "Reading works: " : "Reading fails: ") + of + "; reading needs more than "
                + q.faulty() + " (f).");
        long down = list.stream().filter(s -> !s.reachable()).count();
        error.set(!q.canWrite());
        message.set(list.size() + " node" + (list.size() == 1 ? "" : "s") + ", "
                + (down == 0 ? "all up" : down + " down") + ".");
    }

    static NodeItem item(NodeStatus s) {
        String status;
        if (s.reachable()) {
            status = s.status() == null || s.status().isBlank() ? "up" : "up — " + s.status();
        } else {
            status = s.error() == null || s.error().isBlank() ? "down" : "down — " + s.error();
        }
        String latency = s.reachable() ? String.format(Locale.ROOT, "%d ms", s.latencyMillis()) : "—";
        return new NodeItem(s.name(), s.url(), s.reachable(), status, s.shards(), latency);
    }

    /** The nodes, those that are down first, then by name. */
    public ObservableList<NodeItem> nodes() {
        return nodes;
    }

    /** The last check's quorum, or null before the first. */
    public ReadOnlyObjectProperty<@Nullable Quorum> quorumProperty() {
        return quorum.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canWriteProperty() {
        return canWrite.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReadProperty() {
        return canRead.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty writeTextProperty() {
        return writeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readTextProperty() {
        return readText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
