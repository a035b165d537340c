package dev.walrussync.localnet.publisher;

import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.node.EventId;
import dev.walrussync.walrus.node.SignedStorageConfirmation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** What the publisher and aggregator need from the chain; the local chain implements it in-process. */
public interface PublisherChain {
    long currentEpoch();

    int maxEpochsAhead();

    /**
     * The certified, unexpired permanent Blob object for a blob ID with the latest end epoch, if any: what makes
     * storage nodes report the blob's status as a certified {@code permanent} one.
     */
    Optional<ChainBlob> certifiedPermanentBlob(BlobId blobId);

    /**
     * A certified, unexpired Blob object for a blob ID that the publisher itself owns, with the given persistence,
     * with the latest end epoch, if any: what {@code reuse_resources} can reuse.
     */
    Optional<ChainBlob> ownedCertifiedBlob(BlobId blobId, boolean deletable);

    /** A Blob object by its Sui object ID. */
    Optional<ChainBlob> blobObject(String objectId);

    /** Whether some Blob object for this blob ID is registered and not expired. */
    boolean isLive(BlobId blobId);

    /**
     * Registers a blob paid in WAL from the publisher's own wallet; the Blob object belongs to the
     * publisher until transferred.
     */
    ChainBlob register(
            BlobId blobId, byte[] rootHash, long size, long encodedLength, int epochsAhead, boolean deletable)
            throws ChainException;

    /** Certifies a registered blob after the publisher collected a quorum of confirmations. */
    ChainBlob certify(String objectId, List<SignedStorageConfirmation> confirmations) throws ChainException;

    /** Transfers a Blob object from the publisher to an address. */
    void transfer(String objectId, String recipient) throws ChainException;

    /** Sets an attribute (a key of the blob's {@code metadata} dynamic field) on a Blob object the publisher owns. */
    void setAttribute(String objectId, String key, String value) throws ChainException;

    /**
     * A Blob object as the chain holds it.
     *
     * @param cost what registering it cost, in FROST (storage for all epochs plus the write fee)
     */
    record ChainBlob(
            String objectId,
            BlobId blobId,
            long registeredEpoch,
            long size,
            OptionalLong certifiedEpoch,
            String storageId,
            long startEpoch,
            long endEpoch,
            long storageSize,
            boolean deletable,
            long cost,
            Optional<EventId> certifiedEvent,
            Map<String, String> attributes) {}

    /** The chain refused an operation; the message says why. */
    final class ChainException extends Exception {
        private static final long serialVersionUID = 1L;

        public ChainException(String message) {
            super(message);
        }

        public ChainException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
