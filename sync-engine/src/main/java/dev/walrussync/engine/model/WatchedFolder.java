package dev.walrussync.engine.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A folder the watch daemon backs up continuously.
 *
 * @param path the folder, absolute and normalised
 * @param excludes gitignore-style patterns relative to the folder, on top of its {@code .walrusignore} files
 */
public record WatchedFolder(Path path, List<String> excludes) {
    public WatchedFolder {
        Objects.requireNonNull(path, "path");
        path = path.toAbsolutePath().normalize();
        excludes = List.copyOf(excludes);
    }
}
