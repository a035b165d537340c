package dev.walrussync.engine.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What to back up.
 *
 * @param excludes gitignore-style patterns, applied relative to each path
 * @param dryRun when true, everything is read, chunked, compressed and packed, but nothing is stored
 *     and the index is not changed: the report says what would have been stored
 */
public record BackupRequest(
        List<Path> paths, List<String> excludes, List<String> tags, String host, String user, boolean dryRun) {
    public BackupRequest(List<Path> paths, List<String> excludes, List<String> tags, String host, String user) {
        this(paths, excludes, tags, host, user, false);
    }

    public BackupRequest {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        tags = List.copyOf(tags);
    }
}
