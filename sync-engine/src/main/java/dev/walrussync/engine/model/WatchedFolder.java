package dev.walrussync.engine.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A folder the watch daemon backs up continuously.
 *
 * @param path the folder, absolute and normalised
 * @param excludes gitignore-style patterns relative to the folder, on top of its {@code .walrusignore} files
 * @param paused whether the user paused this folder alone: its changes are collected, not backed up
 */
public record WatchedFolder(Path path, List<String> excludes, boolean paused) {
    public WatchedFolder {
        Objects.requireNonNull(path, "path");
        path = path.toAbsolutePath().normalize();
        excludes = List.copyOf(excludes);
    }

    /** A folder that is not paused. */
    public WatchedFolder(Path path, List<String> excludes) {
        this(path, excludes, false);
    }

    public WatchedFolder withPaused(boolean p) {
        return new WatchedFolder(path, excludes, p);
    }

    public WatchedFolder withExcludes(List<String> e) {
        return new WatchedFolder(path, e, paused);
    }
}
