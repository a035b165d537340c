package dev.walrussync.ui.tray;

import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WalrusStatus;
import org.jspecify.annotations.Nullable;

/** What the tray icon shows: the state of all folders together, the most urgent first. */
public enum TrayState {
    /** Everything is backed up. */
    IDLE,
    /** A folder is being scanned or uploaded. */
    SYNCING,
    /** The user paused uploads. */
    PAUSED,
    /** Something needs the user: a folder failed, or money or data is at risk. */
    ATTENTION,
    /** The storage network cannot be reached; changes wait on this machine. */
    OFFLINE;

    /**
     * The aggregate state: offline over attention over paused over syncing over idle. Offline comes first because
     * while the network is unreachable every backup fails for that one reason, which the user cannot fix here.
     *
     * @param offline whether the last attempt to reach the storage network failed
     */
    public static TrayState of(@Nullable SyncStatus status, @Nullable WalrusStatus walrus, boolean offline) {
        if (offline) {
            return OFFLINE;
        }
        if (walrus != null && !walrus.alerts().isEmpty()) {
            return ATTENTION;
        }
        if (status == null) {
            return IDLE;
        }
        boolean syncing = false;
        for (FolderStatus f : status.folders()) {
            if (f.state() == FolderState.ERROR) {
                return ATTENTION;
            }
            syncing |= f.state() == FolderState.SCANNING || f.state() == FolderState.UPLOADING;
        }
        if (status.paused()) {
            return PAUSED;
        }
        return syncing ? SYNCING : IDLE;
    }

    /**
     * How far the running backups are, from 0 to 1, or -1 when none runs or their size is not counted yet: the bytes
     * read of all folders being backed up over the bytes they expect to read.
     */
    public static double progress(@Nullable SyncStatus status) {
        if (status == null) {
            return -1;
        }
        long done = 0;
        long total = 0;
        for (FolderStatus f : status.folders()) {
            if (f.bytesTotal() > 0) {
                done += Math.min(f.bytesDone(), f.bytesTotal());
                total += f.bytesTotal();
            }
        }
        return total == 0 ? -1 : (double) done / total;
    }
}
