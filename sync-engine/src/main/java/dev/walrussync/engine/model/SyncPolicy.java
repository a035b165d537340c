package dev.walrussync.engine.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the watch daemon turns changes into snapshots. A folder's changes are backed up when it has been quiet for
 * {@code quietPeriod} and either the changes fill a pack or the oldest of them is {@code packMaxAge} old; under
 * constant change, at the latest when the oldest is {@code maxDelay} old. Every snapshot stores at least one blob,
 * and each blob pays Walrus's fixed metadata cost, so the defaults batch more on paid networks than on the local
 * network or a directory store.
 *
 * @param quietPeriod how long a folder must see no change before its changes are backed up
 * @param maxDelay the longest a change waits under constant change
 * @param packMaxAge how long changes that do not fill a pack may wait for more, once the folder is quiet
 * @param rescanInterval how often every folder is walked in full, to catch what the watcher missed
 * @param schedule when snapshots may be taken at all
 * @param bandwidthLimit upload limit in bytes per second; 0 for none
 * @param paused whether uploads are paused
 * @param resumeAt when a pause for a while ends by itself; null for a pause until resumed (or no pause)
 */
public record SyncPolicy(
        Duration quietPeriod,
        Duration maxDelay,
        Duration packMaxAge,
        Duration rescanInterval,
        SyncSchedule schedule,
        long bandwidthLimit,
        boolean paused,
        @Nullable Instant resumeAt) {
    public SyncPolicy {
        Objects.requireNonNull(schedule, "schedule");
        requirePositive("the quiet period", quietPeriod);
        requirePositive("the maximum delay", maxDelay);
        requirePositive("the pack age", packMaxAge);
        requirePositive("the rescan interval", rescanInterval);
        if (maxDelay.compareTo(quietPeriod) < 0) {
            throw new IllegalArgumentException("the maximum delay (" + Durations.format(maxDelay)
                    + ") cannot be shorter than the quiet period (" + Durations.format(quietPeriod) + ")");
        }
        if (bandwidthLimit < 0) {
            throw new IllegalArgumentException("the bandwidth limit cannot be negative: " + bandwidthLimit);
        }
        if (!paused) {
            resumeAt = null;
        }
    }

    /** A policy without a timed pause. */
    public SyncPolicy(
            Duration quietPeriod,
            Duration maxDelay,
            Duration packMaxAge,
            Duration rescanInterval,
            SyncSchedule schedule,
            long bandwidthLimit,
            boolean paused) {
        this(quietPeriod, maxDelay, packMaxAge, rescanInterval, schedule, bandwidthLimit, paused, null);
    }

    private static void requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + Durations.format(d));
        }
    }

    /**
     * The defaults: 2 s quiet, packs wait 5 s (1 minute at most under constant change) where a blob costs nothing,
     * and 10 minutes (30 at most) on a paid Walrus network; a full rescan every hour; no schedule, no limit.
     *
     * @param paidBlobs whether every blob costs WAL (testnet, mainnet)
     */
    public static SyncPolicy defaults(boolean paidBlobs) {
        return new SyncPolicy(
                Duration.ofSeconds(2),
                paidBlobs ? Duration.ofMinutes(30) : Duration.ofMinutes(1),
                paidBlobs ? Duration.ofMinutes(10) : Duration.ofSeconds(5),
                Duration.ofHours(1),
                SyncSchedule.CONTINUOUS,
                0,
                false);
    }

    /** This policy paused until resumed, or resumed. */
    public SyncPolicy withPaused(boolean p) {
        return new SyncPolicy(quietPeriod, maxDelay, packMaxAge, rescanInterval, schedule, bandwidthLimit, p, null);
    }

    /** This policy paused until {@code time}, when uploads resume by themselves. */
    public SyncPolicy pausedUntil(Instant time) {
        return new SyncPolicy(quietPeriod, maxDelay, packMaxAge, rescanInterval, schedule, bandwidthLimit, true, time);
    }

    /** Whether uploads are paused at {@code now}: a timed pause whose time has come no longer counts. */
    public boolean pausedAt(Instant now) {
        return paused && (resumeAt == null || now.isBefore(resumeAt));
    }
}
