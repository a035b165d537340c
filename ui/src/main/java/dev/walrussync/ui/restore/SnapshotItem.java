package dev.walrussync.ui.restore;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot on the timeline.
 *
 * @param id its full ID in hex, which the engine takes as a reference
 * @param time when it was taken
 * @param paths the folders it holds (one for the snapshots the sync service takes)
 * @param label what the timeline shows: day, time, folder, files and size
 */
public record SnapshotItem(String id, Instant time, List<String> paths, String label) {
    public SnapshotItem {
        paths = List.copyOf(paths);
    }

    @Override
    public String toString() {
        return label;
    }
}
