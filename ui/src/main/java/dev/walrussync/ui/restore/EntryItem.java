package dev.walrussync.ui.restore;

import java.time.Instant;

/**
 * A file, folder or link in the folder being browsed.
 *
 * @param path its path in the snapshot, {@code /}-separated, starting with the folder's name
 * @param name its last part
 * @param type {@code file}, {@code dir} or {@code symlink}
 * @param size its size in bytes; 0 for folders
 * @param mtime when it was last modified before the backup
 * @param modified {@code mtime} as the table shows it
 */
public record EntryItem(String path, String name, String type, long size, Instant mtime, String modified) {
    public boolean folder() {
        return type.equals("dir");
    }

    public boolean file() {
        return type.equals("file");
    }
}
