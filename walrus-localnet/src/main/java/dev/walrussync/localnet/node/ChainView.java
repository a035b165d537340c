package dev.walrussync.localnet.node;

import dev.walrussync.walrus.encoding.BlobId;
import java.util.Optional;
import java.util.OptionalLong;

/** What a storage node knows of the chain: the current epoch and the registration of each blob ID. */
public interface ChainView {
    /** The current Walrus epoch. */
    long currentEpoch();

    /**
     * The registration of a blob ID, if a {@code Blob} object for it exists (expired registrations may be returned;
     * the node checks the end epoch itself).
     */
    Optional<BlobRegistration> registration(BlobId blobId);

    /** The number of chain events processed so far, reported in the node's health. */
    default long processedEventCount() {
        return 0;
    }

    /** The latest Sui checkpoint seen, reported in the node's health when known. */
    default OptionalLong latestCheckpointSequenceNumber() {
        return OptionalLong.empty();
    }
}
