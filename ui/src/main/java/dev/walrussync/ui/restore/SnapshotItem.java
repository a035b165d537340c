package dev.walrussync.ui.restore;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot on the timeline.
 *
 * @param id its full ID in hex, which the engine takes as a reference
 * @param time when it was taken
 * @param paths the folders it holds (one for the snapshots the sync service takes)
 * @param when its day and time, as the timeline shows them
 * @param detail its folders, files and size
 */
public record SnapshotItem(String id, Instant time, List<String> paths, String when, String detail) {
    public SnapshotItem {
        paths = List.copyOf(paths);
    }

    /** Day, time, folder, files and size on one line. */
    public String label() {
        return when + " — " + detail;
    }

    @Override
    public String toString() {
        return label();
    }
}
