package dev.walrussync.walrus.publisher;

import org.jspecify.annotations.Nullable;

/**
 * A Walrus {@code Blob} Sui object as the publisher reports it ({@code blobObject} in a store response).
 *
 * @param objectId the Sui object ID, 0x-prefixed hex; needed to extend, delete or tag the blob
 * @param blobId the Walrus blob ID (URL-safe base64, no padding)
 * @param registeredEpoch the epoch in which it was registered
 * @param size the unencoded size in bytes
 * @param certifiedEpoch the epoch in which it was certified, or null while it is not
 * @param storageId the object ID of its {@code Storage} resource
 * @param startEpoch the first epoch of its storage
 * @param endEpoch the first epoch in which it is no longer stored (exclusive)
 * @param storageSize the encoded size its storage reserves, in bytes
 * @param deletable whether its owner may delete it before its end epoch
 */
public record BlobObject(
        String objectId,
        String blobId,
        long registeredEpoch,
        long size,
        @Nullable Long certifiedEpoch,
        String storageId,
        long startEpoch,
        long endEpoch,
        long storageSize,
        boolean deletable) {}
