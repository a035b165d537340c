package dev.walrussync.ui.restore;

import java.time.Instant;

/**
 * A file as one snapshot holds it.
 *
 * @param snapshot the snapshot
 * @param size the file's size then
 * @param mtime the file's modification time then
 * @param label what the list shows
 */
public record VersionItem(SnapshotItem snapshot, long size, Instant mtime, String label) {
    @Override
    public String toString() {
        return label;
    }
}
