package dev.walrussync.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * A blob extension, made or (in a dry run) planned.
 *
 * @param blobId the Walrus blob ID
 * @param objectId the Sui object extended
 * @param epochsAdded epochs bought
 * @param oldEndEpoch the end epoch before
 * @param newEndEpoch the end epoch after
 * @param costFrost the WAL it costs, in FROST
 * @param digest the Sui transaction; null in a dry run
 */
public record RenewedBlob(
        String blobId,
        String objectId,
        int epochsAdded,
        long oldEndEpoch,
        long newEndEpoch,
        long costFrost,
        @Nullable String digest) {}
