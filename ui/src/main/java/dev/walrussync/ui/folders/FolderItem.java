package dev.walrussync.ui.folders;

import java.util.List;

/**
 * A watched folder in the list.
 *
 * @param path its full path
 * @param excludes its exclude patterns (gitignore syntax)
 * @param paused whether the user paused this folder
 * @param state a short state label
 */
public record FolderItem(String path, List<String> excludes, boolean paused, String state) {
    public FolderItem {
        excludes = List.copyOf(excludes);
    }
}
