package dev.walrussync.ui.storage;

/**
 * One row of the blobs table, in words.
 *
 * @param blobId the Walrus blob ID
 * @param objectId the Sui object ID, or {@code —}
 * @param size the unencoded size
 * @param endEpoch the first epoch it is no longer stored in, or {@code —}
 * @param cost what storing it cost in WAL, or {@code —}
 */
public record BlobItem(String blobId, String objectId, String size, String endEpoch, String cost) {}
