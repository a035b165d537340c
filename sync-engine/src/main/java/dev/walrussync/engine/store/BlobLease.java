package dev.walrussync.engine.store;

/**
 * What Walrus records about a stored blob: its Sui object, its storage period and what it cost.
 *
 * @param objectId the Sui object ID of the {@code Blob} object, needed to extend or delete it
 * @param registeredEpoch the epoch in which the blob was registered
 * @param startEpoch the first epoch of its storage
 * @param endEpoch the first epoch in which it is no longer stored
 * @param encodedSize the size Walrus bills, after erasure coding
 * @param cost what storing it cost, in FROST (10^-9 WAL)
 * @param deletable whether its owner may delete it before its end epoch
 */
public record BlobLease(
        String objectId,
        long registeredEpoch,
        long startEpoch,
        long endEpoch,
        long encodedSize,
        long cost,
        boolean deletable) {}
