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

    @Test
    void theMostUrgentStateWins() {
        assertThat(TrayState.of(null, null)).isEqualTo(TrayState.IDLE);
        assertThat(TrayState.of(status(false, FolderState.IDLE), null)).isEqualTo(TrayState.IDLE);
        assertThat(TrayState.of(status(false, FolderState.IDLE, FolderState.UPLOADING), null))
                .isEqualTo(TrayState.SYNCING);
        assertThat(TrayState.of(status(true, FolderState.PAUSED), null)).isEqualTo(TrayState.PAUSED);
        assertThat(TrayState.of(status(true, FolderState.PAUSED, FolderState.ERROR), null))
                .isEqualTo(TrayState.ATTENTION);
    }
}
