package dev.walrussync.engine.model;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of the watch daemon's state, safe to share between threads and to send over its IPC channel.
 *
 * @param at when it was taken
 * @param paused whether the user paused uploads
 * @param policy the policy in force
 * @param folders one entry per watched folder
 * @param snapshotsTaken snapshots saved since the daemon started
 * @param packsUploaded packs stored since the daemon started
 */
public record SyncStatus(
        Instant at,
        boolean paused,
        SyncPolicy policy,
        List<FolderStatus> folders,
        long snapshotsTaken,
        long packsUploaded) {
    public SyncStatus {
        folders = List.copyOf(folders);
    }
}
