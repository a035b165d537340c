package dev.walrussync.localnet.publisher;

import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.node.SignedStorageConfirmation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A publisher chain that passes every call to another, so that a subclass can watch or alter just the calls
 * it overrides (tests use it to move the epoch on at a chosen moment of a store).
 */
public abstract class ForwardingPublisherChain implements PublisherChain {
    private final PublisherChain delegate;

    protected ForwardingPublisherChain(PublisherChain delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public long currentEpoch() {
        return delegate.currentEpoch();
    }

    @Override
    public int maxEpochsAhead() {
        return delegate.maxEpochsAhead();
    }

    @Override
    public Optional<ChainBlob> certifiedPermanentBlob(BlobId blobId) {
        return delegate.certifiedPermanentBlob(blobId);
    }

    @Override
    public Optional<ChainBlob> ownedCertifiedBlob(BlobId blobId, boolean deletable) {
        return delegate.ownedCertifiedBlob(blobId, deletable);
    }

    @Override
    public Optional<ChainBlob> blobObject(String objectId) {
        return delegate.blobObject(objectId);
    }

    @Override
    public boolean isLive(BlobId blobId) {
        return delegate.isLive(blobId);
    }

    @Override
    public ChainBlob register(
            BlobId blobId, byte[] rootHash, long size, long encodedLength, int epochsAhead, boolean deletable)
            throws ChainException {
        return delegate.register(blobId, rootHash, size, encodedLength, epochsAhead, deletable);
    }

    @Override
    public ChainBlob certify(String objectId, List<SignedStorageConfirmation> confirmations) throws ChainException {
        return delegate.certify(objectId, confirmations);
    }

    @Override
    public void transfer(String objectId, String recipient) throws ChainException {
        delegate.transfer(objectId, recipient);
    }

    @Override
    public void setAttribute(String objectId, String key, String value) throws ChainException {
        delegate.setAttribute(objectId, key, value);
    }
}
