package dev.walrussync.ui.restore;

import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.model.EntryInfo;
import dev.walrussync.engine.model.RestoreProgress;
import dev.walrussync.engine.model.RestoreReport;
import dev.walrussync.engine.model.RestoreRequest;
import dev.walrussync.engine.model.SnapshotInfo;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.ui.controls.Formats;
import dev.walrussync.ui.main.SyncMonitor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.jspecify.annotations.Nullable;

/**
 * The restore screen: the snapshots newest first, the selected snapshot's tree one folder at a time, a name filter on
 * the loaded folder, the versions of one file across the snapshots of its folder, and restoring a file or folder to its
 * original place or elsewhere, never overwriting.
 *
 * <p>The session does one thing at a time and the sync service may be backing up, so every engine call goes through
 * {@link SyncService#callBetweenBackups}, on the background executor; results come back through the FX executor.
 * Properties change on the FX executor's thread only.
 */
public final class RestoreViewModel {
    /** How long browsing waits for a running backup before it says so. */
    static final Duration BROWSE_TIMEOUT = Duration.ofSeconds(30);
    /** A restore waits for a running backup, then runs to the end: its own duration counts against this. */
    static final Duration RESTORE_TIMEOUT = Duration.ofHours(24);
    /** At most this many snapshots are searched for the versions of a file, newest first. */
    static final int MAX_VERSIONS = 50;
    /** How often the progress bar samples a running restore. */
    static final Duration PROGRESS_EVERY = Duration.ofMillis(200);

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final int LISTED_NAMES = 5;

    private final SyncMonitor monitor;
    private final Executor fx;
    private final ScheduledExecutorService scheduler;
    private final ZoneId zone;

    private final ObservableList<SnapshotItem> snapshots = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable SnapshotItem> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private final ObservableList<EntryItem> entries = FXCollections.observableArrayList();
    private final FilteredList<EntryItem> shownEntries = new FilteredList<>(entries, e -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper versionsOf = new ReadOnlyStringWrapper("");
    private final ObservableList<VersionItem> versions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper restoring = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable RestoreReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper reportText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    /** Bumped by every listing; a listing that comes back after a newer one started is dropped. */
    private int listing;

    /**
     * @param scheduler samples a running restore's progress
     * @param zone the zone the timeline's days and times are in
     */
    public RestoreViewModel(SyncMonitor monitor, ScheduledExecutorService scheduler, ZoneId zone) {
        this.monitor = monitor;
        this.fx = monitor.fxExecutor();
        this.scheduler = scheduler;
        this.zone = zone;
        filter.addListener((o, was, now) -> {
            String f = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shownEntries.setPredicate(
                    f.isEmpty()
                            ? e -> true
                            : e -> e.name().toLowerCase(Locale.ROOT).contains(f));
        });
    }

    private void fail(String why) {
        busy.set(false);
        error.set(true);
        message.set(why);
    }

    /** Reads the snapshots again; selects the newest if none is selected. */
    public void reload() {
        busy.set(true);
        monitor.callBetweenBackups(
                BROWSE_TIMEOUT,
                RepositorySession::snapshots,
                list -> {
                    busy.set(false);
                    List<SnapshotItem> items = list.stream()
                            .sorted(Comparator.comparing(SnapshotInfo::time).reversed())
                            .map(this::item)
                            .toList();
                    SnapshotItem current = snapshot.get();
                    // Whoever looked at the newest snapshot keeps looking at the newest; an older choice stays.
                    boolean followNewest = current != null
                            && !snapshots.isEmpty()
                            && snapshots.get(0).id().equals(current.id());
                    snapshots.setAll(items);
                    if (items.isEmpty()) {
                        message.set("No snapshots yet. The first appears a few seconds after you add a folder.");
                        error.set(false);
                    } else if (current == null
                            || (followNewest && !items.get(0).id().equals(current.id()))
                            || items.stream().noneMatch(i -> i.id().equals(current.id()))) {
                        select(items.get(0));
                    }
                },
                this::fail);
    }

    private SnapshotItem item(SnapshotInfo s) {
        String folders = String.join(
                ", ", s.paths().stream().map(RestoreViewModel::folderName).toList());
        String detail =
                folders + " — " + s.files() + " file" + (s.files() == 1 ? "" : "s") + ", " + Formats.bytes(s.bytes());
        return new SnapshotItem(
                s.id().hex(), s.time(), s.paths(), DAY_TIME.format(s.time().atZone(zone)), detail);
    }

    private static String folderName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }

    /** Shows {@code item}'s top level. */
    public void select(@Nullable SnapshotItem item) {
        snapshot.set(item);
        versions.clear();
        versionsOf.set("");
        if (item != null) {
            open("");
        } else {
            entries.clear();
            folder.set("");
        }
    }

    /** Lists the folder at {@code path} ({@code ""} for the top) of the selected snapshot; clears the filter. */
    public void open(String path) {
        SnapshotItem s = snapshot.get();
        if (s == null) {
            return;
        }
        int mine = ++listing;
        busy.set(true);
        // The engine lists a folder with everything below it; the screen shows one level.
        monitor.callBetweenBackups(
                BROWSE_TIMEOUT,
                session -> session.list(s.id(), path),
                list -> {
                    if (mine != listing) {
                        return;
                    }
                    busy.set(false);
                    List<EntryItem> children = new ArrayList<>();
                    for (EntryInfo e : list) {
                        if (!e.path().equals(path) && parentOf(e.path()).equals(path)) {
                            children.add(new EntryItem(
                                    e.path(),
                                    nameOf(e.path()),
                                    e.type(),
                                    e.size(),
                                    e.mtime(),
                                    SHORT.format(e.mtime().atZone(zone))));
                        }
                    }
                    children.sort(Comparator.comparing((EntryItem e) -> !e.folder())
                            .thenComparing(e -> e.name().toLowerCase(Locale.ROOT)));
                    filter.set("");
                    folder.set(path);
                    entries.setAll(children);
                },
                why -> {
                    if (mine == listing) {
                        fail(why);
                    }
                });
    }

    /** Opens the folder above the current one. */
    public void up() {
        if (!folder.get().isEmpty()) {
            open(parentOf(folder.get()));
        }
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Finds {@code file} in the snapshots of the same folders as the selected one, newest first, at most {@link
     * #MAX_VERSIONS} of them.
     */
    public void showVersions(EntryItem file) {
        SnapshotItem s = snapshot.get();
        if (s == null || !file.file()) {
            return;
        }
        List<SnapshotItem> candidates = snapshots.stream()
                .filter(c -> c.paths().equals(s.paths()))
                .limit(MAX_VERSIONS)
                .toList();
        versionsOf.set(file.path());
        versions.clear();
        busy.set(true);
        monitor.callBetweenBackups(
                BROWSE_TIMEOUT,
                session -> {
                    List<VersionItem> found = new ArrayList<>();
                    for (SnapshotItem c : candidates) {
                        try {
                            for (EntryInfo e : session.list(c.id(), file.path())) {
                                if (e.path().equals(file.path()) && e.type().equals("file")) {
                                    found.add(new VersionItem(c, e.size(), e.mtime(), versionLabel(c, e)));
                                }
                            }
                        } catch (SyncException notThere) {
                            // The file did not exist yet, or was deleted: no version in this snapshot.
                        }
                    }
                    return found;
                },
                found -> {
                    busy.set(false);
                    if (file.path().equals(versionsOf.get())) {
                        versions.setAll(found);
                    }
                },
                this::fail);
    }

    private String versionLabel(SnapshotItem s, EntryInfo e) {
        return DAY_TIME.format(s.time().atZone(zone)) + " — " + Formats.bytes(e.size()) + ", modified "
                + SHORT.format(e.mtime().atZone(zone));
    }

    /**
     * Restores {@code path} ({@code ""}: the whole snapshot) from {@code snapshot} into its original place: the
     * folder's parent, as the snapshot's paths start with the folder's name. Existing files are kept and reported as
     * skipped.
     */
    public void restoreToOriginal(SnapshotItem from, String path) {
        Path target = originalTarget(from, path);
        if (target == null) {
            error.set(true);
            message.set("Cannot tell where " + (path.isEmpty() ? "this snapshot" : path)
                    + " came from; restore it to a folder you choose.");
            return;
        }
        restore(from, path, target);
    }

    static @Nullable Path originalTarget(SnapshotItem from, String path) {
        String root = path.isEmpty() ? "" : path.split("/", 2)[0];
        List<String> matching = from.paths().size() == 1
                ? from.paths()
                : from.paths().stream().filter(p -> folderName(p).equals(root)).toList();
        if (matching.size() != 1) {
            return null;
        }
        return Path.of(matching.get(0)).getParent();
    }

    /**
     * Restores {@code path} ({@code ""}: the whole snapshot) from {@code snapshot} into {@code target}, under its path
     * in the snapshot ({@code target/Documents/notes/a.txt}). Existing files are kept and reported as skipped.
     */
    public void restore(SnapshotItem from, String path, Path target) {
        if (restoring.get()) {
            return;
        }
        RestoreProgress p = new RestoreProgress();
        RestoreRequest request =
                new RestoreRequest(from.id(), path.isEmpty() ? List.of() : List.of(path), target, false);
        restoring.set(true);
        report.set(null);
        reportText.set("");
        error.set(false);
        progress.set(-1);
        progressText.set("Waiting for the sync service…");
        message.set("Restoring " + (path.isEmpty() ? "the whole snapshot" : path) + " into " + target + "…");
        ScheduledFuture<?> sampler = scheduler.scheduleWithFixedDelay(
                () -> fx.execute(() -> {
                    if (restoring.get()) {
                        showProgress(p);
                    }
                }),
                PROGRESS_EVERY.toMillis(),
                PROGRESS_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        monitor.callBetweenBackups(
                RESTORE_TIMEOUT,
                session -> session.restore(request, p),
                r -> {
                    sampler.cancel(false);
                    restoring.set(false);
                    showProgress(p);
                    progress.set(1);
                    report.set(r);
                    reportText.set(describe(r, target));
                    error.set(!r.errors().isEmpty());
                    message.set(r.errors().isEmpty() ? "Restore finished." : "Restore finished with errors.");
                    monitor.activity()
                            .restored(reportText.get().lines().findFirst().orElse("")
                                    + (r.errors().isEmpty()
                                            ? ""
                                            : " " + r.errors().size() + " file(s) failed."));
                },
                why -> {
                    sampler.cancel(false);
                    restoring.set(false);
                    progress.set(0);
                    progressText.set("");
                    fail("The restore failed: " + why);
                });
    }

    private void showProgress(RestoreProgress p) {
        long total = p.bytesTotal();
        if (p.filesTotal() == 0) {
            return;
        }
        progress.set(total == 0 ? (double) p.filesDone() / p.filesTotal() : (double) p.bytesDone() / total);
        progressText.set(p.filesDone() + " of " + p.filesTotal() + " files · " + Formats.bytes(p.bytesDone()) + " of "
                + Formats.bytes(total));
    }

    static String describe(RestoreReport r, Path target) {
        StringBuilder b = new StringBuilder();
        b.append("Restored ")
                .append(r.files())
                .append(r.files() == 1 ? " file (" : " files (")
                .append(Formats.bytes(r.bytes()))
                .append(") into ")
                .append(target)
                .append(" in ")
                .append(Formats.duration(r.duration()))
                .append('.');
        if (!r.skippedExisting().isEmpty()) {
            b.append("\nSkipped ")
                    .append(r.skippedExisting().size())
                    .append(" that already exist")
                    .append(r.skippedExisting().size() == 1 ? "s" : "")
                    .append(" (nothing is overwritten): ")
                    .append(names(r.skippedExisting()));
        }
        if (!r.errors().isEmpty()) {
            b.append("\n")
                    .append(r.errors().size())
                    .append(r.errors().size() == 1 ? " error: " : " errors: ")
                    .append(names(r.errors()));
        }
        return b.toString();
    }

    private static String names(List<String> all) {
        String shown = String.join(", ", all.subList(0, Math.min(LISTED_NAMES, all.size())));
        return all.size() > LISTED_NAMES ? shown + " and " + (all.size() - LISTED_NAMES) + " more" : shown;
    }

    /** The snapshots, newest first. */
    public ObservableList<SnapshotItem> snapshots() {
        return snapshots;
    }

    public ReadOnlyObjectProperty<@Nullable SnapshotItem> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The folder being browsed, {@code ""} for the snapshot's top level. */
    public ReadOnlyStringProperty folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** The folder's entries that match the filter: folders first, then by name. */
    public ObservableList<EntryItem> entries() {
        return shownEntries;
    }

    /** Part of a name, any case; filters the loaded folder only. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The file whose versions {@link #versions()} lists, or empty. */
    public ReadOnlyStringProperty versionsOfProperty() {
        return versionsOf.getReadOnlyProperty();
    }

    /** The versions of {@link #versionsOfProperty()}'s file, newest first. */
    public ObservableList<VersionItem> versions() {
        return versions;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty restoringProperty() {
        return restoring.getReadOnlyProperty();
    }

    /** From 0 to 1; -1 while the restore waits to start. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last restore's report, or null. */
    public ReadOnlyObjectProperty<@Nullable RestoreReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The last restore's report in words: restored, skipped, errors. */
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
