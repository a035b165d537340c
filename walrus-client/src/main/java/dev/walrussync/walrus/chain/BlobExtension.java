package dev.walrussync.walrus.chain;

import dev.walrussync.walrus.sui.ObjectRef;
import java.util.Objects;

/**
 * One blob to extend in {@link WalrusChain#extendBlobs}.
 *
 * @param blob the Blob object as it is now (its version and digest change with every transaction)
 * @param storageSize its encoded size, which the price is per MiB of
 * @param epochs how many epochs to add to its end epoch
 */
public record BlobExtension(ObjectRef blob, long storageSize, int epochs) {
    public BlobExtension {
        Objects.requireNonNull(blob, "blob");
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
    }

    /** Extends an owned blob, as listed by {@link WalrusChain#ownedBlobs}, by {@code epochs}. */
    public static BlobExtension of(OwnedBlob blob, int epochs) {
        return new BlobExtension(blob.ref(), blob.storageSize(), epochs);
    }
}
