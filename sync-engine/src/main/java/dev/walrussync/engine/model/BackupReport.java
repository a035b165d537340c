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
        Duration duration) {}
