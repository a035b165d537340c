package dev.walrussync.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.FolderState;
import dev.walrussync.engine.model.FolderStatus;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrayStateTest {
    private static SyncStatus status(boolean paused, FolderState... states) {
        List<FolderStatus> folders = Arrays.stream(states)
                .map(s -> new FolderStatus("/f/" + s, s, 0, 0, 0, 0, null, null, null, null, 0, null))
                .toList();
        return new SyncStatus(Instant.EPOCH, paused, SyncPolicy.defaults(false), folders, 0, 0);
    }

    private static FolderStatus uploading(String path, long done, long total) {
        return new FolderStatus(path, FolderState.UPLOADING, 0, 0, done, total, null, null, null, null, 0, null);
    }

    @Test
    void theMostUrgentStateWins() {
        assertThat(TrayState.of(null, null, false)).isEqualTo(TrayState.IDLE);
        assertThat(TrayState.of(status(false, FolderState.IDLE), null, false)).isEqualTo(TrayState.IDLE);
        assertThat(TrayState.of(status(false, FolderState.IDLE, FolderState.UPLOADING), null, false))
                .isEqualTo(TrayState.SYNCING);
        assertThat(TrayState.of(status(true, FolderState.PAUSED), null, false)).isEqualTo(TrayState.PAUSED);
        assertThat(TrayState.of(status(true, FolderState.PAUSED, FolderState.ERROR), null, false))
                .isEqualTo(TrayState.ATTENTION);
        assertThat(TrayState.of(status(false, FolderState.ERROR), null, true))
                .as("offline explains the failures")
                .isEqualTo(TrayState.OFFLINE);
        assertThat(TrayState.of(null, null, true)).isEqualTo(TrayState.OFFLINE);
    }

    @Test
    void progressCountsTheFoldersWhoseSizeIsKnown() {
        assertThat(TrayState.progress(null)).isEqualTo(-1);
        assertThat(TrayState.progress(status(false, FolderState.IDLE))).isEqualTo(-1);
        SyncStatus two = new SyncStatus(
                Instant.EPOCH,
                false,
                SyncPolicy.defaults(false),
                List.of(
                        uploading("/a", 30, 100),
                        uploading("/b", 10, 300),
                        // Still scanning: its size is not counted yet, so it does not count.
                        uploading("/c", 50, 0)),
                0,
                0);
        assertThat(TrayState.progress(two)).isEqualTo(0.1);
    }
}
