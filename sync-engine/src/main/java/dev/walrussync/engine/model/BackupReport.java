package dev.walrussync.engine.model;

import java.time.Duration;
import java.util.List;

/**
 * What a backup did. Non-empty {@code errors} (files that could not be read) make it partial.
 *
 * @param newBytes plaintext bytes of chunks that were new to the repository
 * @param bytesStored bytes of packs written to the store
 * @param packSizes the size of each pack written (in a dry run: that would have been written)
 * @param packsAdopted packs found in the store that an earlier, interrupted run had left
 * @param snapshotSaved false when a {@linkplain BackupRequest#continuous() continuous} backup found nothing
 *     changed since its parent snapshot and so stored no new one ({@code snapshotId} is then the parent's)
 * @param deferred files a continuous backup left for a later run because they were changing, locked or
 *     vanished while read; the snapshot keeps their previous version, if any
 */
public record BackupReport(
        ChunkId snapshotId,
        long filesNew,
        long filesChanged,
        long filesUnchanged,
        long dirs,
        long bytesProcessed,
        long newChunks,
        long newBytes,
        long packsStored,
        long bytesStored,
        List<Long> packSizes,
        int packsAdopted,
        List<String> errors,
        List<String> warnings,
        Duration duration,
        boolean snapshotSaved,
        List<String> deferred) {
    public BackupReport {
        packSizes = List.copyOf(packSizes);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        deferred = List.copyOf(deferred);
    }
}
