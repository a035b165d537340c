package dev.walrussync.ui.storage;

import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.BlobInfo;
import dev.walrussync.engine.model.CostEstimate;
import dev.walrussync.engine.model.EpochTiming;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.RenewalEntry;
import dev.walrussync.engine.model.RenewalPolicy;
import dev.walrussync.engine.model.RenewalReport;
import dev.walrussync.engine.model.RenewedBlob;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.ui.controls.Formats;
import dev.walrussync.ui.main.SyncMonitor;
import java.time.Duration;
import java.time.Instant;
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
 * The storage screen: the repository's blobs (IDs, size, end epoch, cost), the renewal policy in words, a renewal pass
 * on demand with its progress and result, the renewal log, newest first, and what backing up the pending changes will
 * cost.
 *
 * <p>The cost preview follows {@link SyncMonitor#statusProperty()}: the folders' pending bytes, summed, are cut into
 * packs of the store's target size and priced with {@code RepositorySession.costOf}. It is priced again only when the
 * pending amount changes noticeably (by a tenth, or by a pack) and at most every {@link #PRICE_GAP} of status time, not
 * on every status sample.
 *
 * <p>Every engine call goes through {@link SyncService#callBetweenBackups}, on the background executor; results come
 * back through the FX executor. Properties change on the FX executor's thread only.
 */
public final class StorageViewModel {
    /** How long listing waits for a running backup before it says so. */
    static final Duration BROWSE_TIMEOUT = Duration.ofSeconds(30);
    /** A renewal pass waits for a running backup, then runs to the end: its own duration counts against this. */
    static final Duration RENEW_TIMEOUT = Duration.ofHours(1);

    /** How long pricing the pending changes waits for a running backup; it tries again later. */
    static final Duration PRICE_TIMEOUT = Duration.ofSeconds(20);
    /** The least status time between two pricings of the pending changes. */
    static final Duration PRICE_GAP = Duration.ofSeconds(5);
    /** After a pricing failed, the least status time before the next try. */
    static final Duration PRICE_RETRY = Duration.ofMinutes(1);
    /** The share by which the pending bytes must change before they are priced again. */
    static final double NOTICEABLE = 0.10;

    static final String NOT_ON_WALRUS =
            "This repository is stored in a folder, not on Walrus: it has no blobs to keep and nothing to renew.";
    static final String NOTHING_WAITING = "Nothing waiting to be backed up.";
    static final String UPPER_BOUND = "That is an upper bound: parts already stored are not stored again, and data is"
            + " compressed, so it usually costs less.";
    static final String NO_POLICY = "No renewal: a repository in a folder keeps its data as long as the folder does.";

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
    private final ReadOnlyStringWrapper policyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper(NOTHING_WAITING);
    private final @Nullable Runnable openSettings;

    /** What was last priced, for how much. */
    record Priced(int changes, long bytes, long packSize, CostEstimate estimate) {}

    private @Nullable EpochTiming timing;
    private @Nullable Priced priced;
    private boolean pricing;
    private @Nullable Instant nextPricing;
    private long packSize;
    private int pendingChanges;
    private long pendingBytes;
    private int pricings;

    /** @param zone the zone the renewal log's times are in */
    public StorageViewModel(SyncMonitor monitor, ZoneId zone) {
        this(monitor, zone, null);
    }

    /**
     * @param zone the zone the renewal log's times are in
     * @param openSettings shows the screen where the renewal policy is changed, or null if there is none
     */
    public StorageViewModel(SyncMonitor monitor, ZoneId zone, @Nullable Runnable openSettings) {
        this.monitor = monitor;
        this.fx = monitor.fxExecutor();
        this.zone = zone;
        this.openSettings = openSettings;
        monitor.statusProperty().addListener((o, was, now) -> {
            if (now != null) {
                onStatus(now);
            }
        });
        SyncStatus now = monitor.statusProperty().get();
        if (now != null) {
            onStatus(now);
        }
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

    private record Loaded(List<BlobInfo> blobs, List<RenewalEntry> log, RenewalPolicy policy, EpochTiming timing) {}

    /** Reads the blobs, the renewal policy and the renewal log again. */
    public void reload() {
        if (notOnWalrus()) {
            blobs.clear();
            log.clear();
            policyText.set(NO_POLICY);
            return;
        }
        busy.set(true);
        monitor.callBetweenBackups(
                BROWSE_TIMEOUT,
                session -> new Loaded(
                        session.blobs(), session.renewalLog(), session.renewalPolicy(), session.epochTiming()),
                loaded -> {
                    busy.set(false);
                    timing = loaded.timing();
                    policyText.set(policyText(loaded.policy(), loaded.timing()));
                    Priced p = priced;
                    if (p != null) {
                        pendingText.set(preview(p, loaded.timing().epochDuration()));
                    }
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

    // ---- the renewal policy ----

    /**
     * The renewal policy in plain words, its defaults resolved for this network's epochs: "Renewed once 3 epochs (42
     * days) or fewer are left, by 7 epochs (98 days) at a time; keeps 5 WAL in reserve; at most 20 WAL a month;
     * checked every hour."
     */
    static String policyText(RenewalPolicy p, EpochTiming t) {
        Duration epoch = t.epochDuration();
        int lookAhead = p.lookAhead(epoch, t.maxEpochsAhead());
        int extendBy = p.extendBy(epoch, t.maxEpochsAhead());
        String reserve = p.reserve() == 0
                ? "keeps no WAL in reserve"
                : "keeps " + Formats.token(p.reserve()) + " WAL in reserve";
        String budget = p.monthlyBudgetFrost() == null
                ? "no monthly limit"
                : "at most " + Formats.token(p.monthlyBudgetFrost()) + " WAL a month";
        Duration interval = p.interval();
        String every = interval.equals(Duration.ofHours(1)) ? "hour" : Formats.duration(interval);
        return "Renewed once " + epochs(lookAhead, epoch) + " or fewer are left, by " + epochs(extendBy, epoch)
                + " at a time; " + reserve + "; " + budget + "; checked every " + every + ".";
    }

    /** {@code "3 epochs (42 days)"}. */
    static String epochs(long n, Duration epoch) {
        return n + (n == 1 ? " epoch" : " epochs") + " (" + Formats.duration(epoch.multipliedBy(n)) + ")";
    }

    /** Whether the policy can be changed from here: the app has a screen for it. */
    public boolean canOpenSettings() {
        return openSettings != null;
    }

    /** Shows the screen where the renewal policy is changed. */
    public void openSettings() {
        if (openSettings != null) {
            openSettings.run();
        }
    }

    // ---- the cost of the pending changes ----

    /**
     * Takes the folders' pending changes from a status sample: says at once when nothing waits, and prices what waits
     * when it changed noticeably since it was last priced and no pricing ran within {@link #PRICE_GAP}.
     */
    void onStatus(SyncStatus s) {
        int changes = 0;
        long bytes = 0;
        for (FolderStatus f : s.folders()) {
            changes += f.pendingChanges();
            bytes += f.pendingBytes();
        }
        pendingChanges = changes;
        pendingBytes = bytes;
        if (changes == 0 && bytes == 0) {
            priced = null;
            pendingText.set(NOTHING_WAITING);
            return;
        }
        if (!onWalrus()) {
            pendingText.set(waiting(changes, bytes) + " waiting; in a folder they cost no WAL.");
            return;
        }
        if (bytes == 0) {
            priced = null;
            pendingText.set(waiting(changes, 0) + " waiting, with no new file data: backing "
                    + (changes == 1 ? "it" : "them") + " up stores only a small snapshot record.");
            return;
        }
        Priced p = priced;
        if (pricing || (p != null && !noticeable(p.bytes(), bytes, packSize))) {
            return;
        }
        if (p == null) {
            pendingText.set(waiting(changes, bytes) + " waiting; working out what backing "
                    + (changes == 1 ? "it" : "them") + " up costs…");
        }
        if (nextPricing != null && s.at().isBefore(nextPricing)) {
            return;
        }
        price(changes, bytes, s.at());
    }

    private void price(int changes, long bytes, Instant at) {
        pricing = true;
        pricings++;
        nextPricing = at.plus(PRICE_GAP);
        monitor.callBetweenBackups(
                PRICE_TIMEOUT,
                session -> {
                    long target = session.targetPackSize();
                    return new Priced(changes, bytes, target, session.costOf(packSizes(bytes, target)));
                },
                p -> {
                    pricing = false;
                    packSize = p.packSize();
                    if (pendingBytes == 0) {
                        return; // backed up meanwhile
                    }
                    priced = p;
                    EpochTiming t = timing;
                    pendingText.set(preview(p, t == null ? null : t.epochDuration()));
                },
                why -> {
                    pricing = false;
                    nextPricing = at.plus(PRICE_RETRY);
                    if (pendingBytes != 0) {
                        priced = null;
                        pendingText.set(waiting(pendingChanges, pendingBytes)
                                + " waiting. Cannot work out the cost now: " + why);
                    }
                });
    }

    /**
     * The packs {@code bytes} of new data fill at most: full packs of {@code packSize}, then the rest. A backup packs
     * compressed, deduplicated chunks, so its packs are at most these.
     */
    static List<Long> packSizes(long bytes, long packSize) {
        if (bytes <= 0) {
            return List.of();
        }
        if (packSize <= 0) {
            return List.of(bytes);
        }
        List<Long> sizes = new ArrayList<>();
        long full = bytes / packSize;
        for (long i = 0; i < full; i++) {
            sizes.add(packSize);
        }
        if (bytes % packSize != 0) {
            sizes.add(bytes % packSize);
        }
        return sizes;
    }

    /**
     * Whether {@code now} pending bytes differ enough from the {@code priced} ones to price them again: by {@link
     * #NOTICEABLE} of them, or by filling another pack (or one fewer) when the pack size is known.
     */
    static boolean noticeable(long priced, long now, long packSize) {
        if (priced == now) {
            return false;
        }
        if (priced == 0 || now == 0) {
            return true;
        }
        if (packSize > 0
                && packSizes(priced, packSize).size()
                        != packSizes(now, packSize).size()) {
            return true;
        }
        return Math.abs(now - priced) >= NOTICEABLE * priced;
    }

    /** {@code "the 12 pending changes (48 MB)"}. */
    static String waiting(int changes, long bytes) {
        String what = changes == 1 ? "1 change" : changes + " changes";
        return bytes == 0 ? what : what + " (" + Formats.bytes(bytes) + ")";
    }

    /**
     * The preview in words: "Backing up the 12 pending changes (48 MB) will cost about 0.0031 WAL: 5 blobs stored for
     * 53 epochs (about 2 years), plus a little SUI for gas." and that this is an upper bound.
     */
    static String preview(Priced p, @Nullable Duration epochDuration) {
        CostEstimate e = p.estimate();
        String changes = p.changes() == 1 ? "the pending change" : "the " + p.changes() + " pending changes";
        String period = e.epochs() + (e.epochs() == 1 ? " epoch" : " epochs");
        if (epochDuration != null) {
            String time = Formats.duration(epochDuration.multipliedBy(e.epochs()));
            period += " (" + (time.startsWith("over ") ? time : "about " + time) + ")";
        }
        return "Backing up " + changes + " (" + Formats.bytes(p.bytes()) + ") will cost about "
                + Formats.token(e.costFrost()) + " WAL: " + e.blobs() + (e.blobs() == 1 ? " blob" : " blobs")
                + " stored for " + period + ", plus a little SUI for gas. " + UPPER_BOUND;
    }

    /** How many times the pending changes were sent to be priced. Visible for testing. */
    int pricings() {
        return pricings;
    }

    /** The renewal policy in words, or empty before it is read. */
    public ReadOnlyStringProperty policyTextProperty() {
        return policyText.getReadOnlyProperty();
    }

    /** What backing up the pending changes will cost, in words; {@link #NOTHING_WAITING} when nothing waits. */
    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
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
