package dev.walrussync.walrus.chain;

import dev.walrussync.walrus.sui.ObjectRef;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Walrus {@code Blob} object an address owns, decoded from its BCS contents, with its attributes.
 *
 * @param ref the object reference (ID, version, digest) for transactions
 * @param blobId the Walrus blob ID (URL-safe base64, no padding)
 * @param size the unencoded size in bytes
 * @param registeredEpoch the epoch in which it was registered
 * @param certifiedEpoch the epoch in which it was certified, or null
 * @param startEpoch the first epoch of its storage
 * @param endEpoch the first epoch in which it is no longer stored
 * @param storageSize the encoded size its storage reserves
 * @param deletable whether its owner may delete it early
 * @param attributes its {@code metadata} attributes (empty if it has none)
 */
public record OwnedBlob(
        ObjectRef ref,
        String blobId,
        long size,
        long registeredEpoch,
        @Nullable Long certifiedEpoch,
        long startEpoch,
        long endEpoch,
        long storageSize,
        boolean deletable,
        Map<String, String> attributes) {
    public OwnedBlob {
        attributes = Map.copyOf(attributes);
    }
}
