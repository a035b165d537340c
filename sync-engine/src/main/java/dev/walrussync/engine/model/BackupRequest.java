package dev.walrussync.engine.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What to back up.
 *
 * @param excludes gitignore-style patterns, applied relative to each path
 */
public record BackupRequest(List<Path> paths, List<String> excludes, List<String> tags, String host, String user) {
    public BackupRequest {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        tags = List.copyOf(tags);
    }
}
