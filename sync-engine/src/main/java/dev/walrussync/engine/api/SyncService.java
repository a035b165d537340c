package dev.walrussync.engine.api;

import dev.walrussync.engine.model.BackupProgress;
import dev.walrussync.engine.model.BackupReport;
import dev.walrussync.engine.model.BackupRequest;
import dev.walrussync.engine.model.Durations;
import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.UploadGate;
import dev.walrussync.engine.model.WatchedFolder;
import dev.walrussync.engine.scan.ExcludeRules;
import dev.walrussync.engine.watch.ChangeBatch;
import dev.walrussync.engine.watch.FolderWatcher;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous sync: watches folders and backs up their changes as they happen, for the {@code watch} daemon and the
 * tray app. Each folder has its own snapshots (tagged {@code watch}); a backup of a folder walks it whole with the
 * engine's unchanged-file check, so watcher events only decide <em>when</em> to back up, never <em>what</em>.
 *
 * <p>One thread (the loop) runs backups, one at a time; each folder's watcher runs on its own thread; {@link
 * #status()} may be called from any thread. When to back up follows the {@link SyncPolicy}: after a quiet period,
 * batched into full packs or until the oldest change is old enough, within the schedule, never while paused.
 *
 * <pre>{@code
 * try (RepositorySession session = repositories.openWithPassphrase(home, pass, true);
 *         SyncService sync = new SyncService(session, clock, ZoneId.systemDefault(), host, user)) {
 *     sync.start();
 *     ... sync.status() ...
 * }
 * }</pre>
 */
public final class SyncService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** The tag of snapshots the daemon takes. */
    public static final String TAG = "watch";
    /** The longest the loop sleeps with nothing due; it also bounds how late waking from sleep is noticed. */
    private static final Duration IDLE_WAKE = Duration.ofSeconds(30);
    /** Wall time that passes beyond the monotonic clock's by this much means the machine slept. */
    private static final Duration SLEEP_GAP = Duration.ofMinutes(1);

    private static final Duration RENEWAL_CHECK = Duration.ofMinutes(10);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofMinutes(15);
    /** Free space the app home needs beyond the staged packs (index growth, logs). */
    private static final long SPARE_SPACE = 64L << 20;

    private final RepositorySession session;
    private final Path home;
    private final Clock clock;
    private final ZoneId zone;
    private final LongSupplier nanoTime;
    private final String host;
    private final String user;
    private final long packSize;
    private final Object lock = new Object();
    private final Map<Path, Folder> folders = new LinkedHashMap<>();
    private final PauseGate gate = new PauseGate();
    private final AtomicLong snapshotsTaken = new AtomicLong();
    private final AtomicLong packsUploaded = new AtomicLong();
    private volatile SyncPolicy policy;
    private volatile boolean stopping;
    private final List<Runnable> calls = new ArrayList<>();
    private @Nullable Thread loop;

    /** A service on the session's repository, with the system's monotonic clock for sleep detection. */
    public SyncService(RepositorySession session, Clock clock, ZoneId zone, String host, String user) {
        this(session, clock, zone, System::nanoTime, host, user);
    }

    /** A service with a given monotonic clock (nanoseconds); for tests. */
    public SyncService(
            RepositorySession session, Clock clock, ZoneId zone, LongSupplier nanoTime, String host, String user) {
        this.session = session;
        this.home = session.home();
        this.clock = clock;
        this.zone = zone;
        this.nanoTime = nanoTime;
        this.host = host;
        this.user = user;
        this.packSize = session.targetPackSize();
        this.policy = SyncPolicy.defaults(session.blobsCostWal());
    }

    /**
     * Loads {@code sync.json}, starts watching every folder in it, asks for a full backup of each (to catch up with
     * what changed while nothing watched) and starts the loop.
     *
     * @throws SyncException if the settings cannot be read, or a folder cannot be watched
     */
    public void start() throws SyncException {
        session.setUploadGate(gate);
        reload();
        Thread t = new Thread(this::runLoop, "sync-loop");
        t.setDaemon(true);
        loop = t;
        t.start();
    }

    /**
     * Applies {@code sync.json} again: starts watching added folders, stops watching removed ones, takes new
     * excludes and the policy. Folders whose watcher fails are reported in their status and retried by rescans.
     */
    public void reload() throws SyncException {
        SyncSettings settings = SyncSettings.load(home);
        SyncPolicy next = settings.effectivePolicy(home);
        List<Folder> added = new ArrayList<>();
        List<FolderWatcher> removed = new ArrayList<>();
        synchronized (lock) {
            Map<Path, Folder> kept = new LinkedHashMap<>();
            for (WatchedFolder wf : settings.folders()) {
                Folder f = folders.remove(wf.path());
                if (f == null) {
                    f = new Folder(wf);
                    f.batch.requestFullScan(clock.instant());
                    added.add(f);
                } else if (!f.config.equals(wf)) {
                    if (!f.config.excludes().equals(wf.excludes())) {
                        f.batch.requestFullScan(clock.instant());
                    }
                    f.configure(wf);
                }
                kept.put(wf.path(), f);
            }
            for (Folder gone : folders.values()) {
                if (gone.watcher != null) {
                    removed.add(gone.watcher);
                }
            }
            folders.clear();
            folders.putAll(kept);
            applyPolicy(next);
            lock.notifyAll();
        }
        removed.forEach(FolderWatcher::close);
        // Registering a large tree takes a while: outside the lock, so status stays responsive.
        added.forEach(this::watch);
    }

    /** Watches {@code folder} from now on and remembers it in {@code sync.json}. */
    public void addFolder(WatchedFolder folder) throws SyncException {
        SyncSettings.load(home).withFolder(folder).save(home);
        reload();
    }

    /** Stops watching the folder at {@code path} and forgets it in {@code sync.json}; its snapshots stay. */
    public void removeFolder(Path path) throws SyncException {
        SyncSettings.load(home).withoutFolder(path).save(home);
        reload();
    }

    /** Changes the policy from now on and remembers it in {@code sync.json}. */
    public void setPolicy(SyncPolicy p) throws SyncException {
        SyncSettings.load(home).withPolicy(p).save(home);
        synchronized (lock) {
            applyPolicy(p);
            lock.notifyAll();
        }
    }

    /** Pauses uploads until resumed: no backup starts, and a running one stops before its next pack. Remembered. */
    public void pause() throws SyncException {
        setPolicy(policy.withPaused(true));
    }

    /** Pauses uploads as {@link #pause()} does, for {@code duration}; then they resume by themselves. Remembered. */
    public void pauseFor(Duration duration) throws SyncException {
        if (duration.isNegative() || duration.isZero()) {
            throw new SyncException("a pause must last a while, not " + Durations.format(duration));
        }
        setPolicy(policy.pausedUntil(clock.instant().plus(duration)));
    }

    /**
     * Pauses or resumes one folder: while paused its changes are collected but not backed up (a backup of it under
     * way finishes). Remembered in {@code sync.json}.
     */
    public void setFolderPaused(Path path, boolean paused) throws SyncException {
        SyncSettings.load(home)
                .withFolderChanged(path, f -> f.withPaused(paused))
                .save(home);
        reload();
    }

    /** Replaces the excludes of the folder at {@code path}, which is then looked at in full. Remembered. */
    public void setExcludes(Path path, List<String> excludes) throws SyncException {
        SyncSettings.load(home)
                .withFolderChanged(path, f -> f.withExcludes(excludes))
                .save(home);
        reload();
    }

    /** Resumes uploads; changes collected meanwhile are backed up as the policy says. */
    public void resume() throws SyncException {
        setPolicy(policy.withPaused(false));
    }

    /** Backs up every folder as soon as possible, without waiting for quiet periods or the schedule. */
    public void syncNow() {
        synchronized (lock) {
            Instant now = clock.instant();
            for (Folder f : folders.values()) {
                f.batch.requestFullScan(now);
                f.urgent = true;
            }
            lock.notifyAll();
        }
    }

    public SyncPolicy policy() {
        return policy;
    }

    /** A call between backups did not get its turn in time: a backup is under way. Nothing is wrong. */
    public static final class BusyException extends SyncException {
        private static final long serialVersionUID = 1L;

        BusyException() {
            super("the watch daemon is busy backing up; try again in a moment");
        }
    }

    /** Work on the session that must not overlap a backup. */
    @FunctionalInterface
    public interface SessionCall<T> {
        T call(RepositorySession session) throws SyncException;
    }

    /**
     * Runs {@code call} on the loop's thread between two backups (the session does one thing at a time), and
     * returns its result: how the daemon answers requests such as a full status from other processes.
     *
     * @throws SyncException if the call fails, or does not get its turn within {@code timeout}
     */
    public <T> T callBetweenBackups(SessionCall<T> call, Duration timeout) throws SyncException {
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (lock) {
            if (stopping) {
                throw new SyncException("the watch daemon is stopping");
            }
            calls.add(() -> {
                try {
                    result.complete(call.call(session));
                } catch (SyncException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
            lock.notifyAll();
        }
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BusyException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted while waiting for the watch daemon", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SyncException se) {
                throw se;
            }
            throw new SyncException(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
    }

    /** The state of every folder now; callable from any thread. */
    public SyncStatus status() {
        SyncPolicy p = policy;
        Instant now = clock.instant();
        List<FolderStatus> out = new ArrayList<>();
        synchronized (lock) {
            for (Folder f : folders.values()) {
                out.add(f.status(p, now));
            }
        }
        return new SyncStatus(now, p.pausedAt(now), p, out, snapshotsTaken.get(), packsUploaded.get());
    }

    /** Stops the loop (a running backup is abandoned; what it stored is adopted next time) and every watcher. */
    @Override
    public void close() {
        stopping = true;
        gate.shutDown();
        Thread t = loop;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            for (Folder f : folders.values()) {
                if (f.watcher != null) {
                    f.watcher.close();
                }
            }
            folders.clear();
        }
        session.setUploadGate(UploadGate.OPEN);
    }

    // ---- the loop ----

    private void runLoop() {
        long lastNano = nanoTime.getAsLong();
        Instant lastWall = clock.instant();
        Instant nextRenewalCheck = lastWall.plus(Duration.ofMinutes(1));
        while (!stopping) {
            Folder next = null;
            boolean resumeDue;
            List<Runnable> queued;
            synchronized (lock) {
                queued = List.copyOf(calls);
                calls.clear();
            }
            queued.forEach(Runnable::run);
            synchronized (lock) {
                if (!calls.isEmpty()) {
                    continue;
                }
                Instant now = clock.instant();
                long nano = nanoTime.getAsLong();
                Duration slept = Duration.between(lastWall, now).minusNanos(nano - lastNano);
                lastWall = now;
                lastNano = nano;
                if (slept.compareTo(SLEEP_GAP) > 0) {
                    LOG.info("the machine slept for about {} s; looking at every folder again", slept.toSeconds());
                    folders.values().forEach(f -> f.batch.requestFullScan(now));
                }
                SyncPolicy p = policy;
                resumeDue = p.paused() && !p.pausedAt(now);
                Instant nextAt = null;
                for (Folder f : folders.values()) {
                    Instant lastRun = f.lastRun;
                    if (lastRun != null && !lastRun.plus(p.rescanInterval()).isAfter(now)) {
                        f.batch.requestFullScan(now);
                    }
                    Instant due = f.dueAt(p, packSize, zone, now);
                    if (due != null && (nextAt == null || due.isBefore(nextAt))) {
                        next = f;
                        nextAt = due;
                    }
                }
                boolean backupDue = nextAt != null && !nextAt.isAfter(now);
                boolean renewalDue = !nextRenewalCheck.isAfter(now);
                if (!backupDue && !renewalDue && !resumeDue) {
                    Instant wake = now.plus(IDLE_WAKE);
                    if (nextAt != null && nextAt.isBefore(wake)) {
                        wake = nextAt;
                    }
                    Instant resumeAt = p.resumeAt();
                    if (resumeAt != null && resumeAt.isBefore(wake)) {
                        wake = resumeAt;
                    }
                    if (nextRenewalCheck.isBefore(wake)) {
                        wake = nextRenewalCheck;
                    }
                    try {
                        lock.wait(Math.max(1, Duration.between(now, wake).toMillis()));
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                if (!backupDue) {
                    next = null;
                }
            }
            if (resumeDue) {
                resumeAfterTimedPause();
            } else if (next != null) {
                backUp(next);
            } else {
                renewIfDue();
                nextRenewalCheck = clock.instant().plus(RENEWAL_CHECK);
            }
        }
    }

    private void resumeAfterTimedPause() {
        LOG.info("the pause has ended; backups resume");
        try {
            resume();
        } catch (SyncException e) {
            // sync.json cannot be written: resume in memory; the file says paused until a time already past.
            LOG.warn("cannot remember that backups resumed: {}", e.getMessage());
            synchronized (lock) {
                applyPolicy(policy.withPaused(false));
            }
        }
    }

    private void renewIfDue() {
        try {
            session.renewIfDue((done, total) -> {})
                    .ifPresent(r -> LOG.info(
                            "renewal pass: {} blob(s) extended, {} alert(s)",
                            r.renewed().size(),
                            r.alerts().size()));
        } catch (SyncException e) {
            LOG.warn("the renewal pass failed; it is tried again later: {}", e.getMessage());
        }
    }

    private void backUp(Folder f) {
        Instant start = clock.instant();
        ChangeBatch.Taken taken = f.batch.take();
        f.urgent = false;
        Path path = f.config.path();
        try {
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new SyncException(
                        path + " is missing (an unplugged drive?); it is backed up again when it is back");
            }
            checkFreeSpace();
            BackupProgress progress = new BackupProgress();
            f.run = new Run(start, progress);
            LOG.info("backing up {} ({} change(s){})", path, taken.changes(), taken.fullScan() ? ", full scan" : "");
            BackupReport r = session.backup(
                    new BackupRequest(List.of(path), excludesOf(f), List.of(TAG), host, user, false, true), progress);
            f.lastRun = start;
            f.failures = 0;
            f.lastError = r.errors().isEmpty()
                    ? null
                    : r.errors().size() + " file(s) could not be read, e.g. "
                            + r.errors().getFirst();
            f.deferred = r.deferred().size();
            packsUploaded.addAndGet(r.packsStored());
            if (r.snapshotSaved()) {
                snapshotsTaken.incrementAndGet();
                f.lastSnapshotAt = clock.instant();
                f.lastSnapshotId = r.snapshotId().shortHex();
                LOG.info(
                        "snapshot {} of {}: {} new, {} changed; {} pack(s) stored in {} ms",
                        r.snapshotId().shortHex(),
                        path,
                        r.filesNew(),
                        r.filesChanged(),
                        r.packsStored(),
                        r.duration().toMillis());
            }
            if (!r.deferred().isEmpty()) {
                // Still being written, locked or vanished: look again once the folder is quiet.
                LOG.info(
                        "{} file(s) in {} were busy; they are backed up later",
                        r.deferred().size(),
                        path);
                f.batch.changed(path, 0, clock.instant());
            }
        } catch (SyncException | RuntimeException e) {
            if (stopping) {
                return;
            }
            f.failures++;
            f.lastError = e.getMessage();
            Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(5, f.failures - 1));
            if (wait.compareTo(LAST_RETRY) > 0) {
                wait = LAST_RETRY;
            }
            LOG.warn(
                    "backing up {} failed (attempt {}); retrying in {} s: {}",
                    path,
                    f.failures,
                    wait.toSeconds(),
                    e.getMessage());
            f.batch.requestFullScan(clock.instant());
            f.batch.holdUntil(clock.instant().plus(wait));
        } finally {
            f.run = null;
        }
    }

    private void checkFreeSpace() throws SyncException {
        long needed = 2 * packSize + SPARE_SPACE;
        long free;
        try {
            free = Files.getFileStore(home).getUsableSpace();
        } catch (IOException e) {
            return;
        }
        if (free < needed) {
            throw new SyncException(
                    "the disk of " + home + " has only " + (free >> 20) + " MiB free; Walrus Sync" + " needs "
                            + (needed >> 20) + " MiB to stage packs. Free some space; backups resume by themselves");
        }
    }

    /** The folder's excludes, plus the app home when it lies inside the folder (the index changes constantly). */
    private List<String> excludesOf(Folder f) {
        Path folder = f.config.path();
        Path h = home.toAbsolutePath().normalize();
        if (!h.startsWith(folder) || h.equals(folder)) {
            return f.config.excludes();
        }
        List<String> all = new ArrayList<>(f.config.excludes());
        all.add("/" + folder.relativize(h).toString().replace('\\', '/') + "/");
        return all;
    }

    private void applyPolicy(SyncPolicy p) {
        policy = p;
        gate.setPaused(p.paused());
        session.setUploadLimit(p.bandwidthLimit());
    }

    // ---- watching ----

    private void watch(Folder f) {
        Path path = f.config.path();
        try {
            f.watcher = FolderWatcher.start(path, new FolderWatcher.Listener() {
                @Override
                public void changed(Path changed) {
                    onChange(f, changed);
                }

                @Override
                public void overflow() {
                    LOG.info("the watcher of {} lost events; looking at the whole folder", path);
                    synchronized (lock) {
                        f.batch.requestFullScan(clock.instant());
                        lock.notifyAll();
                    }
                }

                @Override
                public void failed(Exception error) {
                    LOG.warn("watching {} stopped: {}; rescans continue", path, error.getMessage());
                    f.watchError = "watching stopped: " + error.getMessage() + "; changes are found by rescans";
                }
            });
            f.watchError = null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot watch {}: {}; changes are found by rescans only", path, e.getMessage());
            f.watchError = "cannot watch the folder (" + e.getMessage() + "); changes are found by rescans only";
        }
    }

    private void onChange(Folder f, Path changed) {
        Path h = home.toAbsolutePath().normalize();
        if (changed.startsWith(h)) {
            return;
        }
        Path folder = f.config.path();
        if (changed.startsWith(folder) && !changed.equals(folder)) {
            String rel = folder.relativize(changed).toString().replace('\\', '/');
            boolean dir = Files.isDirectory(changed, LinkOption.NOFOLLOW_LINKS);
            if (f.rules.isExcluded(rel, dir)) {
                return;
            }
        }
        long size;
        try {
            size = Files.isRegularFile(changed, LinkOption.NOFOLLOW_LINKS) ? Files.size(changed) : 0;
        } catch (IOException e) {
            size = 0;
        }
        synchronized (lock) {
            f.batch.changed(changed, size, clock.instant());
            lock.notifyAll();
        }
    }

    /** A watched folder and what the daemon knows of it. Fields are guarded by the service's lock or volatile. */
    private final class Folder {
        volatile WatchedFolder config;
        final ChangeBatch batch = new ChangeBatch();

        @Nullable
        FolderWatcher watcher;

        volatile @Nullable String watchError;
        /** The backup under way, if any. */
        volatile @Nullable Run run;

        volatile @Nullable Instant lastRun;
        volatile @Nullable Instant lastSnapshotAt;
        volatile @Nullable String lastSnapshotId;
        volatile @Nullable String lastError;
        volatile int deferred;
        volatile int failures;
        volatile boolean urgent;
        /** The folder's own excludes, which the watcher's events are checked against. */
        volatile ExcludeRules rules;

        Folder(WatchedFolder config) {
            this.config = config;
            this.rules = ExcludeRules.of(config.excludes());
        }

        void configure(WatchedFolder c) {
            config = c;
            rules = ExcludeRules.of(c.excludes());
        }

        @Nullable
        Instant dueAt(SyncPolicy p, long pack, ZoneId z, Instant now) {
            Instant due = batch.dueAt(p, pack);
            if (due == null || p.pausedAt(now) || config.paused()) {
                return null;
            }
            return urgent ? due : p.schedule().earliestStart(due, lastRun, z);
        }

        FolderStatus status(SyncPolicy p, Instant now) {
            Run r = run;
            FolderState state;
            long done = 0;
            long total = 0;
            Long eta = null;
            if (p.pausedAt(now) || (config.paused() && r == null)) {
                state = FolderState.PAUSED;
            } else if (r != null) {
                BackupProgress pr = r.progress();
                state = pr.newBytes() > 0 ? FolderState.UPLOADING : FolderState.SCANNING;
                done = pr.bytesDone();
                total = pr.scanDone() ? pr.bytesTotal() : 0;
                if (total > 0 && done > 0) {
                    double seconds = Duration.between(r.start(), now).toMillis() / 1000.0;
                    eta = (long) Math.ceil(seconds / done * (total - done));
                }
            } else if (failures > 0 || watchError != null) {
                state = FolderState.ERROR;
            } else {
                state = FolderState.IDLE;
            }
            String error = failures > 0 ? lastError : watchError != null ? watchError : lastError;
            return new FolderStatus(
                    config.path().toString(),
                    state,
                    batch.pendingChanges(),
                    batch.pendingBytes(),
                    done,
                    total,
                    eta,
                    lastSnapshotAt,
                    lastSnapshotId,
                    error,
                    deferred,
                    dueAt(p, packSize, zone, now));
        }
    }

    /** A backup under way: when it started and how far it is. */
    private record Run(Instant start, BackupProgress progress) {}

    /** The upload gate the pause closes; shut down, it fails every wait so that a stopping backup ends. */
    private static final class PauseGate implements UploadGate {
        private boolean paused;
        private boolean shutDown;

        synchronized void setPaused(boolean p) {
            paused = p;
            notifyAll();
        }

        synchronized void shutDown() {
            shutDown = true;
            notifyAll();
        }

        @Override
        public synchronized void awaitOpen() throws InterruptedException {
            while (paused && !shutDown) {
                wait();
            }
            if (shutDown) {
                throw new InterruptedException("the watch daemon is stopping");
            }
        }
    }

    // ---- single instance ----

    /**
     * Takes the app home's daemon lock: only one watch daemon or tray app may run per app home. Hold it for the
     * daemon's life.
     *
     * @throws SyncException if another process holds it, saying which
     */
    public static InstanceLock lockInstance(Path home) throws SyncException {
        Path file = home.resolve("daemon.lock");
        Path pidFile = home.resolve("daemon.pid");
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                String pid = "";
                try {
                    pid = Files.readString(pidFile, StandardCharsets.UTF_8).trim();
                } catch (IOException e) {
                    // Unknown: the message then names no process.
                }
                throw new SyncException("Walrus Sync is already watching folders for " + home
                        + (pid.isEmpty() ? "" : " (process " + pid + ")")
                        + "; only one daemon or tray app runs per app home");
            }
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
            return new InstanceLock(ch, l, pidFile);
        } catch (IOException e) {
            throw new SyncException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** The app home's daemon lock; closing it lets another daemon start. */
    public static final class InstanceLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;
        private final Path pidFile;

        private InstanceLock(FileChannel channel, FileLock lock, Path pidFile) {
            this.channel = channel;
            this.lock = lock;
            this.pidFile = pidFile;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(pidFile);
                lock.release();
                channel.close();
            } catch (IOException e) {
                // The OS releases the lock when the process ends in any case.
            }
        }
    }
}
