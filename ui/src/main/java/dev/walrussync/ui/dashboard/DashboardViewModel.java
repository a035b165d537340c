package dev.walrussync.ui.dashboard;

import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.Forecast;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WalrusStatus;
import dev.walrussync.ui.controls.Formats;
import dev.walrussync.ui.main.SyncMonitor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's state: one card per watched folder, the wallet's balances, the runway and the monthly cost, and the
 * alerts. It follows the {@link SyncMonitor}'s properties, so it changes on the FX thread only.
 */
public final class DashboardViewModel {
    private final SyncMonitor monitor;
    private final ObservableList<FolderCard> folders = FXCollections.observableArrayList();
    private final ObservableList<String> alerts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Starting…");
    private final ReadOnlyStringWrapper wal = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper sui = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper runway = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper costPerMonth = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper stored = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper walrusNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);

    public DashboardViewModel(SyncMonitor monitor) {
        this.monitor = monitor;
        monitor.statusProperty().addListener((o, was, now) -> apply(now));
        monitor.walrusProperty().addListener((o, was, now) -> applyWalrus(now));
        monitor.walrusErrorProperty()
                .addListener(
                        (o, was, now) -> applyWalrus(monitor.walrusProperty().get()));
        apply(monitor.statusProperty().get());
        applyWalrus(monitor.walrusProperty().get());
        if (!monitor.running().onWalrus()) {
            walrusNote.set("This repository is not on Walrus: there is nothing to pay for.");
        }
    }

    /** Asks the engine for fresh numbers now, rather than at the next sample. */
    public void refresh() {
        monitor.refreshStatus();
        monitor.refreshWalrus();
    }

    private void apply(@Nullable SyncStatus s) {
        if (s == null) {
            return;
        }
        List<FolderCard> cards = new ArrayList<>();
        int busy = 0;
        int failed = 0;
        for (FolderStatus f : s.folders()) {
            cards.add(card(f, s));
            switch (f.state()) {
                case SCANNING, UPLOADING -> busy++;
                case ERROR -> failed++;
                default -> {}
            }
        }
        folders.setAll(cards);
        empty.set(cards.isEmpty());
        if (cards.isEmpty()) {
            headline.set("No folders are protected yet");
        } else if (failed > 0) {
            headline.set(failed == 1 ? "A folder needs attention" : failed + " folders need attention");
        } else if (s.paused()) {
            headline.set("Backups are paused");
        } else if (busy > 0) {
            headline.set("Backing up " + (busy == 1 ? "a folder" : busy + " folders") + "…");
        } else {
            headline.set("Everything is backed up");
        }
    }

    static FolderCard card(FolderStatus f, SyncStatus s) {
        Path p = Path.of(f.path());
        String name = p.getFileName() == null ? f.path() : p.getFileName().toString();
        String last = f.lastSnapshotAt() == null ? "Not saved yet" : "Saved " + Formats.ago(f.lastSnapshotAt(), s.at());
        return switch (f.state()) {
            case IDLE ->
                new FolderCard(
                        name,
                        f.path(),
                        "Up to date",
                        "state-idle",
                        f.pendingChanges() > 0
                                ? f.pendingChanges() + " change" + (f.pendingChanges() == 1 ? "" : "s") + " waiting"
                                : "Watching for changes",
                        0,
                        last);
            case SCANNING -> new FolderCard(name, f.path(), "Scanning", "state-busy", "Looking for changes…", -1, last);
            case UPLOADING -> {
                double progress = f.bytesTotal() > 0 ? Math.min(1, (double) f.bytesDone() / f.bytesTotal()) : -1;
                String detail = f.bytesTotal() > 0
                        ? Formats.bytes(f.bytesDone()) + " of " + Formats.bytes(f.bytesTotal())
                        : Formats.bytes(f.bytesDone()) + " read";
                if (f.etaSeconds() != null) {
                    detail += " · about " + Formats.duration(Duration.ofSeconds(f.etaSeconds())) + " left";
                }
                yield new FolderCard(name, f.path(), "Uploading", "state-busy", detail, progress, last);
            }
            case PAUSED ->
                new FolderCard(
                        name,
                        f.path(),
                        "Paused",
                        "state-paused",
                        f.pendingChanges() > 0
                                ? f.pendingChanges() + " change" + (f.pendingChanges() == 1 ? "" : "s")
                                        + " will be saved on resume"
                                : "Changes are saved when you resume",
                        0,
                        last);
            case ERROR ->
                new FolderCard(
                        name,
                        f.path(),
                        "Needs attention",
                        "state-error",
                        f.lastError() == null ? "The last backup failed; it is retried" : f.lastError(),
                        0,
                        last);
        };
    }

    private void applyWalrus(@Nullable WalrusStatus w) {
        List<String> next = new ArrayList<>();
        String error = monitor.walrusErrorProperty().get();
        if (w != null) {
            network.set(w.wallet().network());
            wal.set(Formats.token(w.wallet().walFrost()) + " WAL");
            sui.set(Formats.token(w.wallet().suiMist()) + " SUI");
            Forecast f = w.forecast();
            costPerMonth.set(Formats.token(f.walPerMonthFrost()) + " WAL");
            runway.set(f.runway() == null ? "Nothing to pay for yet" : Formats.duration(f.runway()));
            stored.set(Formats.bytes(w.storedBytes()) + " in " + w.blobs() + " blob" + (w.blobs() == 1 ? "" : "s"));
            for (Alert a : w.alerts()) {
                next.add(a.message());
            }
        }
        if (!error.isEmpty()) {
            walrusNote.set(w == null ? "Balances are not available yet: " + error : "Balances may be old: " + error);
        } else if (monitor.running().onWalrus()) {
            walrusNote.set("");
        }
        alerts.setAll(next);
    }

    public ObservableList<FolderCard> folders() {
        return folders;
    }

    public ObservableList<String> alerts() {
        return alerts;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty walProperty() {
        return wal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty suiProperty() {
        return sui.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runwayProperty() {
        return runway.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costPerMonthProperty() {
        return costPerMonth.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storedProperty() {
        return stored.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** Why balances are missing or old, or empty. */
    public ReadOnlyStringProperty walrusNoteProperty() {
        return walrusNote.getReadOnlyProperty();
    }

    /** Whether no folder is watched yet. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }
}
