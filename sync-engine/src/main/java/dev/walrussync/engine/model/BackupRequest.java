package dev.walrussync.engine.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What to back up.
 *
 * @param excludes gitignore-style patterns, applied relative to each path
 * @param dryRun when true, everything is read, chunked, compressed and packed, but nothing is stored
 *     and the index is not changed: the report says what would have been stored
 * @param continuous how the watch daemon backs up: a file that changes during every read, is locked or
 *     vanishes while read is {@linkplain BackupReport#deferred() deferred} (its previous version stays in
 *     the snapshot) instead of being stored half-written, and no snapshot is written when nothing changed
 *     since the parent snapshot
 */
public record BackupRequest(
        List<Path> paths,
        List<String> excludes,
        List<String> tags,
        String host,
        String user,
        boolean dryRun,
        boolean continuous) {
    public BackupRequest(List<Path> paths, List<String> excludes, List<String> tags, String host, String user) {
        this(paths, excludes, tags, host, user, false, false);
    }

    public BackupRequest(
            List<Path> paths, List<String> excludes, List<String> tags, String host, String user, boolean dryRun) {
        this(paths, excludes, tags, host, user, dryRun, false);
    }

    public BackupRequest {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        tags = List.copyOf(tags);
    }
}
