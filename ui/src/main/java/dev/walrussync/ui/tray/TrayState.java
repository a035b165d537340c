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
    ATTENTION;

    /** The aggregate state: attention over paused over syncing over idle. */
    public static TrayState of(@Nullable SyncStatus status, @Nullable WalrusStatus walrus) {
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
}
