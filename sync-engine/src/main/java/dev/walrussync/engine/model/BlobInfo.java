package dev.walrussync.engine.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One blob of the repository, as the index and the chain know it.
 *
 * @param blobId the Walrus blob ID
 * @param kind {@code pack}, {@code keys} (the key blob), or {@code foreign} (owned by the wallet, not ours)
 * @param objectId the Sui object ID, if known
 * @param size the unencoded size in bytes
 * @param encodedSize the encoded size Walrus bills, if known
 * @param endEpoch the first epoch in which it is no longer stored, if known
 * @param deletable whether it may be deleted early, if known
 * @param costFrost what storing it cost, if known
 * @param onChain whether the wallet holds a certified, unexpired blob object for it right now
 * @param files the files with a version that has a chunk in it
 */
public record BlobInfo(
        String blobId,
        String kind,
        @Nullable String objectId,
        long size,
        @Nullable Long encodedSize,
        @Nullable Long endEpoch,
        @Nullable Boolean deletable,
        @Nullable Long costFrost,
        boolean onChain,
        List<String> files) {
    public BlobInfo {
        files = List.copyOf(files);
    }
}
