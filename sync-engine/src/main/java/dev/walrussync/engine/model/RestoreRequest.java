package dev.walrussync.engine.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What to restore.
 *
 * @param snapshot a snapshot ID prefix, or {@code latest}
 * @param includes paths inside the snapshot; empty means everything
 * @param overwrite whether existing files in the target may be replaced
 */
public record RestoreRequest(String snapshot, List<String> includes, Path target, boolean overwrite) {
    public RestoreRequest {
        includes = List.copyOf(includes);
    }
}
