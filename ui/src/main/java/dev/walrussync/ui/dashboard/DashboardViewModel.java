package dev.walrussync.ui.dashboard;

import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.BlobInfo;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.Forecast;
import dev.walrussync.engine.model.RepositoryStats;
import dev.walrussync.engine.model.SnapshotInfo;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WalrusStatus;
import dev.walrussync.ui.controls.Formats;
import dev.walrussync.ui.main.Activity;
import dev.walrussync.ui.main.SyncMonitor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
    /** How long a read of sizes and blobs waits for a running backup before it is tried at the next occasion. */
    static final Duration DETAILS_TIMEOUT = Duration.ofSeconds(5);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
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
    private final ReadOnlyStringWrapper protectedBytes = new ReadOnlyStringWrapper("—");
    private final ObservableList<ExpiryBar> expiry = FXCollections.observableArrayList();
    private final ZoneId zone;
    private boolean detailsInFlight;
    private boolean detailsWanted;
    private Map<String, SnapshotInfo> latest = Map.of();
    private List<BlobInfo> blobs = List.of();

    public DashboardViewModel(SyncMonitor monitor, ZoneId zone) {
        this.monitor = monitor;
        this.zone = zone;
        monitor.statusProperty().addListener((o, was, now) -> apply(now));
        monitor.walrusProperty().addListener((o, was, now) -> {
            applyWalrus(now);
            refreshDetails();
        });
        monitor.activity().onAdded(a -> {
            if (a.kind() == Activity.Kind.BACKED_UP) {
                refreshDetails();
            }
        });
        monitor.walrusErrorProperty()
                .addListener(
                        (o, was, now) -> applyWalrus(monitor.walrusProperty().get()));
        apply(monitor.statusProperty().get());
        applyWalrus(monitor.walrusProperty().get());
        if (!monitor.running().onWalrus()) {
            walrusNote.set("This repository is not on Walrus: there is nothing to pay for.");
        }
        refreshDetails();
    }

    /** What the snapshots protect, what the store holds, and when the blobs end: read between backups. */
    private record Details(Map<String, SnapshotInfo> latest, RepositoryStats stats, List<BlobInfo> blobs) {}

    /**
     * Reads the sizes and the blobs again, between backups: at start, after every new snapshot and with every Walrus
     * sample. One read at a time; a request while one runs is served once it ends.
     */
    void refreshDetails() {
        if (detailsInFlight) {
            detailsWanted = true;
            return;
        }
        detailsInFlight = true;
        boolean onWalrus = monitor.running().onWalrus();
        monitor.callBetweenBackups(
                DETAILS_TIMEOUT,
                session -> new Details(
                        latestPerFolder(session.snapshots()), session.stats(), onWalrus ? session.blobs() : List.of()),
                d -> {
                    latest = d.latest();
                    blobs = d.blobs();
                    long sum = latest.values().stream()
                            .mapToLong(SnapshotInfo::bytes)
                            .sum();
                    long files = latest.values().stream()
                            .mapToLong(SnapshotInfo::files)
                            .sum();
                    protectedBytes.set(Formats.bytes(sum) + " in " + count(files, "file"));
                    stored.set(Formats.bytes(d.stats().storedBytes()) + " after deduplication and compression");
                    apply(monitor.statusProperty().get());
                    expiry.setAll(expiryBars(blobs, monitor.walrusProperty().get(), zone));
                    detailsDone();
                },
                why -> detailsDone());
    }

    private void detailsDone() {
        detailsInFlight = false;
        if (detailsWanted) {
            detailsWanted = false;
            refreshDetails();
        }
    }

    /** Each watched folder's latest snapshot: the newest whose one path is the folder. */
    static Map<String, SnapshotInfo> latestPerFolder(List<SnapshotInfo> snapshots) {
        Map<String, SnapshotInfo> out = new HashMap<>();
        for (SnapshotInfo s : snapshots) {
            if (s.paths().size() == 1) {
                out.merge(s.paths().getFirst(), s, (a, b) -> a.time().isAfter(b.time()) ? a : b);
            }
        }
        return out;
    }

    /**
     * The chart of when the stored data expires: the blobs on chain grouped by end epoch, each dated by the epoch
     * length from the current epoch's start. Renewal moves the bars right; a bar near the left edge with no money
     * for renewal is data at risk.
     */
    static List<ExpiryBar> expiryBars(List<BlobInfo> blobs, @Nullable WalrusStatus w, ZoneId zone) {
        if (w == null) {
            return List.of();
        }
        TreeMap<Long, long[]> byEpoch = new TreeMap<>();
        for (BlobInfo b : blobs) {
            if (b.onChain() && b.endEpoch() != null) {
                long[] sums = byEpoch.computeIfAbsent(b.endEpoch(), e -> new long[2]);
                sums[0] += b.size();
                sums[1]++;
            }
        }
        List<ExpiryBar> bars = new ArrayList<>();
        for (var e : byEpoch.entrySet()) {
            Instant ends = w.epochStart().plus(w.epochDuration().multipliedBy(e.getKey() - w.epoch()));
            String label = DAY.format(ends.atZone(zone)) + " (epoch " + e.getKey() + ")";
            bars.add(new ExpiryBar(e.getKey(), ends, label, e.getValue()[0], (int) e.getValue()[1]));
        }
        return bars;
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
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
            cards.add(card(f, s, latest.get(f.path())));
            switch (f.state()) {
                case SCANNING, UPLOADING -> busy++;
                case ERROR -> failed++;
                default -> {}
            }
        }
        if (!cards.equals(folders)) {
            folders.setAll(cards);
        }
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

    /**
     * @param latest the folder's latest snapshot, for its size, or null until it is read
     */
    static FolderCard card(FolderStatus f, SyncStatus s, @Nullable SnapshotInfo latest) {
        Path p = Path.of(f.path());
        String name = p.getFileName() == null ? f.path() : p.getFileName().toString();
        String last = f.lastSnapshotAt() == null ? "Not saved yet" : "Saved " + Formats.ago(f.lastSnapshotAt(), s.at());
        String next = f.nextRun() == null
                ? ""
                : f.nextRun().isAfter(s.at())
                        ? "Next backup in " + Formats.duration(Duration.between(s.at(), f.nextRun()))
                        : "Next backup now";
        String size = latest == null ? "" : Formats.bytes(latest.bytes()) + " in " + count(latest.files(), "file");
        String changes = f.pendingChanges() + " change" + (f.pendingChanges() == 1 ? "" : "s");
        String state;
        String styleClass;
        String detail;
        double progress = 0;
        switch (f.state()) {
            case IDLE -> {
                state = "Up to date";
                styleClass = "state-idle";
                detail = f.pendingChanges() > 0 ? changes + " waiting" : "Watching for changes";
            }
            case SCANNING -> {
                state = "Scanning";
                styleClass = "state-busy";
                detail = "Looking for changes…";
                progress = -1;
            }
            case UPLOADING -> {
                state = "Uploading";
                styleClass = "state-busy";
                progress = f.bytesTotal() > 0 ? Math.min(1, (double) f.bytesDone() / f.bytesTotal()) : -1;
                detail = f.bytesTotal() > 0
                        ? Formats.bytes(f.bytesDone()) + " of " + Formats.bytes(f.bytesTotal())
                        : Formats.bytes(f.bytesDone()) + " read";
                if (f.etaSeconds() != null) {
                    detail += " · about " + Formats.duration(Duration.ofSeconds(f.etaSeconds())) + " left";
                }
            }
            case PAUSED -> {
                state = "Paused";
                styleClass = "state-paused";
                detail = f.pendingChanges() > 0
                        ? changes + " will be saved on resume"
                        : "Changes are saved when you resume";
            }
            case ERROR -> {
                state = "Needs attention";
                styleClass = "state-error";
                detail = f.lastError() == null ? "The last backup failed; it is retried" : f.lastError();
            }
            default -> throw new IllegalStateException("unknown folder state " + f.state());
        }
        return new FolderCard(name, f.path(), state, styleClass, detail, progress, last, next, size);
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

    /** What the folders' latest snapshots hold, together. */
    public ReadOnlyStringProperty protectedBytesProperty() {
        return protectedBytes.getReadOnlyProperty();
    }

    /** When the stored data expires unless renewed, earliest first; empty off Walrus. */
    public ObservableList<ExpiryBar> expiry() {
        return expiry;
    }

    /** A point of the expiry curve: {@code days} from now, {@code bytes} still stored then unless renewed. */
    public record CurvePoint(double days, long bytes) {}

    /**
     * The expiry bars as a falling staircase, which reads at a glance as "how much stays stored, day by day, if
     * nothing were renewed": everything today, less each bar's bytes on its day, nothing after the last.
     */
    public static List<CurvePoint> curve(List<ExpiryBar> bars, Instant now) {
        long remaining = bars.stream().mapToLong(ExpiryBar::bytes).sum();
        List<CurvePoint> points = new ArrayList<>();
        points.add(new CurvePoint(0, remaining));
        for (ExpiryBar b : bars) {
            double days = Math.max(0, Duration.between(now, b.ends()).toMinutes() / (24.0 * 60));
            points.add(new CurvePoint(days, remaining));
            remaining -= b.bytes();
            points.add(new CurvePoint(days, remaining));
        }
        return points;
    }

    /** The time the expiry curve counts its days from: the engine's time at the last sample. */
    public Instant now() {
        SyncStatus s = monitor.statusProperty().get();
        return s == null ? Instant.EPOCH : s.at();
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
