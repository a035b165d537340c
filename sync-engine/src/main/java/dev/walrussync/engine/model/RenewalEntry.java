package dev.walrussync.engine.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the renewal log: an extension, or an attempt that failed.
 *
 * @param time when
 * @param blobId the Walrus blob ID
 * @param objectId the Sui Blob object
 * @param epochsAdded epochs bought (or that were to be)
 * @param oldEndEpoch the end epoch before
 * @param newEndEpoch the end epoch after (or that was to be)
 * @param costFrost WAL paid, in FROST; 0 for a failed attempt
 * @param digest the Sui transaction; null for a failed attempt
 * @param ok whether it was made
 * @param detail why it failed
 */
public record RenewalEntry(
        Instant time,
        String blobId,
        String objectId,
        int epochsAdded,
        long oldEndEpoch,
        long newEndEpoch,
        long costFrost,
        @Nullable String digest,
        boolean ok,
        @Nullable String detail) {}
