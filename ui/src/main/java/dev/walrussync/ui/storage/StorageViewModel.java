package dev.walrussync.ui.storage;

import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.BlobInfo;
import dev.walrussync.engine.model.RenewalEntry;
import dev.walrussync.engine.model.RenewalReport;
import dev.walrussync.engine.model.RenewedBlob;
import dev.walrussync.ui.controls.Formats;
import dev.walrussync.ui.main.SyncMonitor;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The storage screen: the repository's blobs (IDs, size, end epoch, cost), a renewal pass on demand with its progress
 * and result, and the renewal log, newest first.
 *
 * <p>Every engine call goes through {@link SyncService#callBetweenBackups}, on the background executor; results come
 * back through the FX executor. Properties change on the FX executor's thread only.
 */
public final class StorageViewModel {
    /** How long listing waits for a running backup before it says so. */
    static final Duration BROWSE_TIMEOUT = Duration.ofSeconds(30);
    /** A renewal pass waits for a running backup, then runs to the end: its own duration counts against this. */
    static final Duration RENEW_TIMEOUT = Duration.ofHours(1);

    static final String NOT_ON_WALRUS =
            "This repository is stored in a folder, not on Walrus: it has no blobs to keep and nothing to renew.";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final SyncMonitor monitor;
    private final Executor fx;
    private final ZoneId zone;

    private final ObservableList<BlobItem> blobs = FXCollections.observableArrayList();
    private final ObservableList<RenewalItem> log = FXCollections.observableArrayList();
    private final ObservableList<String> alerts = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper renewing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable RenewalReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper reportText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);

    /** @param zone the zone the renewal log's times are in */
    public StorageViewModel(SyncMonitor monitor, ZoneId zone) {
        this.monitor = monitor;
        this.fx = monitor.fxExecutor();
        this.zone = zone;
    }

    /** Whether the repository is on Walrus; if not, the screen only says so. */
    public boolean onWalrus() {
        return monitor.running().onWalrus();
    }

    private boolean notOnWalrus() {
        if (onWalrus()) {
            return false;
        }
        error.set(false);
        message.set(NOT_ON_WALRUS);
        return true;
    }

    private record Loaded(List<BlobInfo> blobs, List<RenewalEntry> log) {}

    /** Reads the blobs and the renewal log again. */
    public void reload() {
        if (notOnWalrus()) {
            blobs.clear();
            log.clear();
            return;
        }
        busy.set(true);
        monitor.callBetweenBackups(
                BROWSE_TIMEOUT,
                session -> new Loaded(session.blobs(), session.renewalLog()),
                loaded -> {
                    busy.set(false);
                    blobs.setAll(
                            loaded.blobs().stream().map(StorageViewModel::item).toList());
                    List<RenewalItem> entries = new ArrayList<>();
                    for (RenewalEntry e : loaded.log()) {
                        entries.add(0, item(e));
                    }
                    log.setAll(entries);
                    if (!renewing.get() && report.get() == null) {
                        error.set(false);
                        message.set(blobs.size() + " blob" + (blobs.size() == 1 ? "" : "s") + " on Walrus.");
                    }
                },
                why -> {
                    busy.set(false);
                    error.set(true);
                    message.set("Cannot read the blobs: " + why);
                });
    }

    static BlobItem item(BlobInfo b) {
        return new BlobItem(
                b.blobId(),
                b.objectId() == null ? "—" : b.objectId(),
                Formats.bytes(b.size()),
                b.endEpoch() == null ? "—" : String.valueOf(b.endEpoch()),
                b.costFrost() == null ? "—" : Formats.token(b.costFrost()) + " WAL");
    }

    private RenewalItem item(RenewalEntry e) {
        String epochs = e.oldEndEpoch() + " → " + e.newEndEpoch() + " (+" + e.epochsAdded() + ")";
        String result = e.ok()
                ? "extended"
                : "failed" + (e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail());
        return new RenewalItem(
                TIME.format(e.time().atZone(zone)),
                e.blobId(),
                epochs,
                Formats.token(e.costFrost()) + " WAL",
                result,
                e.ok());
    }

    /** Runs a renewal pass now, paying for what is due; then reads the blobs and the log again. */
    public void renewNow() {
        if (renewing.get() || notOnWalrus()) {
            return;
        }
        renewing.set(true);
        report.set(null);
        reportText.set("");
        alerts.clear();
        error.set(false);
        progress.set(-1);
        progressText.set("Waiting for the sync service…");
        message.set("Renewing what kept snapshots need…");
        monitor.callBetweenBackups(
                RENEW_TIMEOUT,
                session -> session.renew(
                        false,
                        (done, total) -> fx.execute(() -> {
                            progress.set(total == 0 ? 1 : (double) done / total);
                            progressText.set(done + " of " + total + " blob" + (total == 1 ? "" : "s") + " extended");
                        })),
                r -> {
                    renewing.set(false);
                    progress.set(1);
                    report.set(r);
                    reportText.set(summary(r));
                    alerts.setAll(r.alerts().stream().map(Alert::message).toList());
                    error.set(!r.failures().isEmpty() || !r.lostFiles().isEmpty());
                    message.set(r.failures().isEmpty() ? "Renewal done." : "Renewal done, with failures.");
                    reload();
                },
                why -> {
                    renewing.set(false);
                    progress.set(0);
                    progressText.set("");
                    error.set(true);
                    message.set("The renewal failed: " + why);
                });
    }

    /** A renewal pass in words: what was extended and for how much, what is left unpaid, what failed or is lost. */
    static String summary(RenewalReport r) {
        int n = r.renewed().size();
        long epochs = r.renewed().stream().mapToLong(RenewedBlob::epochsAdded).sum();
        StringBuilder b = new StringBuilder();
        if (n == 0) {
            b.append("Nothing was due: ")
                    .append(r.referencedBlobs())
                    .append(" blob")
                    .append(r.referencedBlobs() == 1 ? "" : "s")
                    .append(" in use, none ending within ")
                    .append(r.lookAheadEpochs())
                    .append(" epochs.");
        } else {
            b.append("Renewed ")
                    .append(n)
                    .append(n == 1 ? " blob" : " blobs")
                    .append(" (")
                    .append(epochs)
                    .append(epochs == 1 ? " epoch" : " epochs")
                    .append(") for ")
                    .append(Formats.token(r.walSpentFrost()))
                    .append(" WAL and ")
                    .append(Formats.token(r.gasSpentMist()))
                    .append(" SUI of gas.");
        }
        if (!r.unpaid().isEmpty()) {
            b.append("\n").append(r.unpaid().size()).append(" due blob(s) left unrenewed: the wallet cannot pay.");
        }
        if (!r.failures().isEmpty()) {
            b.append("\n")
                    .append(r.failures().size())
                    .append(" failed: ")
                    .append(r.failures().get(0));
        }
        if (r.reuploadedChunks() > 0) {
            b.append("\n").append(r.reuploadedChunks()).append(" chunks of expired blobs were stored again.");
        }
        if (!r.lostFiles().isEmpty()) {
            b.append("\n").append(r.lostFiles().size()).append(" file version(s) could not be recovered.");
        }
        return b.toString();
    }

    /** The repository's blobs. */
    public ObservableList<BlobItem> blobs() {
        return blobs;
    }

    /** The renewal log, newest first. */
    public ObservableList<RenewalItem> log() {
        return log;
    }

    /** The last renewal pass's alerts, in words. */
    public ObservableList<String> alerts() {
        return alerts;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty renewingProperty() {
        return renewing.getReadOnlyProperty();
    }

    /** From 0 to 1; -1 while the pass waits to start or plans. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last renewal pass's report, or null. */
    public ReadOnlyObjectProperty<@Nullable RenewalReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportTextProperty() {
        return reportText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
