package dev.walrussync.engine.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One watched folder's state, as the tray app and {@code walrus-sync status} show it.
 *
 * @param pendingChanges paths changed since the folder's last snapshot, not yet backed up
 * @param pendingBytes the sizes of those changed files when they changed: what the next backup reads at most
 * @param bytesDone bytes read so far in the running backup (0 when none runs)
 * @param bytesTotal bytes the running backup expects to read, when its scan has counted them (0 otherwise)
 * @param etaSeconds seconds left in the running backup, when it can be estimated
 * @param lastSnapshotId short ID of the folder's latest snapshot, if any
 * @param lastError why the last backup failed, while the folder is in {@link FolderState#ERROR}
 * @param deferred files left for a later run (being written, locked or vanished) in the last backup
 * @param nextRun when the next backup of pending changes is due, if any are pending
 */
public record FolderStatus(
        String path,
        FolderState state,
        int pendingChanges,
        long pendingBytes,
        long bytesDone,
        long bytesTotal,
        @Nullable Long etaSeconds,
        @Nullable Instant lastSnapshotAt,
        @Nullable String lastSnapshotId,
        @Nullable String lastError,
        int deferred,
        @Nullable Instant nextRun) {}
