package dev.walrussync.engine.watch;

import dev.walrussync.engine.model.SyncPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The changes of one folder that wait for a backup, coalesced by path (an editor that saves a file ten times in a
 * burst leaves one entry), and the rule that says when they are due. Thread-safe: the watcher thread records, the
 * daemon's loop asks and takes.
 *
 * <p>Due when the folder has been quiet for the policy's quiet period and either the changes fill a pack or the
 * oldest is {@code packMaxAge} old; under constant change, when the oldest is {@code maxDelay} old, quiet or not. A
 * requested full scan (start-up, rescan timer, lost events, waking from sleep) is due at once.
 */
public final class ChangeBatch {
    /** Beyond this many distinct paths, the batch stops listing them and only counts: the backup walks anyway. */
    static final int MAX_TRACKED_PATHS = 100_000;

    private final Map<Path, Long> sizes = new HashMap<>();
    private int untracked;
    private long bytes;
    private @Nullable Instant first;
    private @Nullable Instant last;
    private @Nullable Instant fullScanAt;
    private @Nullable Instant notBefore;

    /** Records that {@code path} changed at {@code now}; {@code size} is its size then (0 if gone or a folder). */
    public synchronized void changed(Path path, long size, Instant now) {
        if (sizes.size() < MAX_TRACKED_PATHS || sizes.containsKey(path)) {
            Long before = sizes.put(path, size);
            bytes += size - (before == null ? 0 : before);
        } else {
            untracked++;
            bytes += size;
        }
        if (first == null) {
            first = now;
        }
        last = now;
    }

    /** Asks for a backup of the whole folder as soon as the daemon may run one. */
    public synchronized void requestFullScan(Instant now) {
        if (fullScanAt == null) {
            fullScanAt = now;
        }
    }

    /** Holds the batch back until {@code time} (a retry after an error). */
    public synchronized void holdUntil(Instant time) {
        notBefore = time;
    }

    /** Paths changed and not yet taken; an estimate beyond {@link #MAX_TRACKED_PATHS}. */
    public synchronized int pendingChanges() {
        return sizes.size() + untracked;
    }

    /** The bytes of the changed files when they changed (files only; an estimate beyond the tracked paths). */
    public synchronized long pendingBytes() {
        return bytes;
    }

    /** Whether nothing waits: no change and no full scan. */
    public synchronized boolean isEmpty() {
        return first == null && fullScanAt == null;
    }

    /**
     * When the batch is due under {@code policy}, or null if nothing waits. A time in the past means now.
     *
     * @param packSize the store's target pack size: changes of at least this many bytes fill a pack
     */
    public synchronized @Nullable Instant dueAt(SyncPolicy policy, long packSize) {
        Instant due = null;
        if (first != null && last != null) {
            Instant quiet = last.plus(policy.quietPeriod());
            Instant normal = bytes >= packSize ? quiet : later(quiet, first.plus(policy.packMaxAge()));
            due = earlier(normal, first.plus(policy.maxDelay()));
        }
        if (fullScanAt != null) {
            due = due == null ? fullScanAt : earlier(due, fullScanAt);
        }
        if (due != null && notBefore != null) {
            due = later(due, notBefore);
        }
        return due;
    }

    /** Takes what waits, leaving the batch empty: the backup that follows covers it. */
    public synchronized Taken take() {
        Taken t = new Taken(sizes.size() + untracked, bytes, fullScanAt != null, first);
        sizes.clear();
        untracked = 0;
        bytes = 0;
        first = null;
        last = null;
        fullScanAt = null;
        notBefore = null;
        return t;
    }

    /**
     * What a backup took from the batch.
     *
     * @param changes paths that had changed
     * @param bytes their sizes when they changed
     * @param fullScan whether a full scan was asked for
     * @param oldestChange when the oldest change was seen, if any
     */
    public record Taken(
            int changes,
            long bytes,
            boolean fullScan,
            @Nullable Instant oldestChange) {}

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
