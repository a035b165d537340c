package dev.walrussync.walrus.publisher;

import dev.walrussync.walrus.node.EventId;
import org.jspecify.annotations.Nullable;

/** What {@code PUT /v1/blobs} answered: a blob that was newly created, or one that was already certified. */
public sealed interface StoreResult {
    /** The Walrus blob ID of the stored bytes. */
    String blobId();

    /** The first epoch in which the blob is no longer stored. */
    long endEpoch();

    /**
     * {@code newlyCreated}: the publisher registered and certified a new {@code Blob} object.
     *
     * @param blobObject the new object
     * @param encodedLength the encoded size that was paid for, from {@code resourceOperation}
     * @param epochsAhead the epochs paid for, from {@code resourceOperation} (0 if it reused storage)
     * @param cost the storage and write fees, in FROST
     */
    record NewlyCreated(BlobObject blobObject, long encodedLength, long epochsAhead, long cost) implements StoreResult {
        @Override
        public String blobId() {
            return blobObject.blobId();
        }

        @Override
        public long endEpoch() {
            return blobObject.endEpoch();
        }
    }

    /**
     * {@code alreadyCertified}: the blob was already certified long enough, so nothing was paid. The
     * response names either the certifying event or the Sui object (since Walrus 1.x, {@code object}).
     *
     * @param blobId the blob ID
     * @param endEpoch the end epoch of the certified blob
     * @param event the event that certified it, if the response gave one
     * @param objectId the Sui object ID of a certified {@code Blob} object, if the response gave one
     */
    record AlreadyCertified(
            String blobId,
            long endEpoch,
            @Nullable EventId event,
            @Nullable String objectId) implements StoreResult {}
}
