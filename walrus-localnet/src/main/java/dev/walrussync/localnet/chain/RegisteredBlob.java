package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.Digest;
import java.util.Objects;

/**
 * A blob registered by {@link LocalChain#registerBlob}: the new {@code Blob} object, the transaction, its {@code
 * BlobRegistered} event and what it cost in FROST.
 *
 * @param object the blob object (its {@link ChainObject#data()} is a {@link BlobData})
 * @param transactionDigest the registering transaction
 * @param registeredEvent the {@code BlobRegistered} event
 * @param costFrost storage fee plus write fee, in FROST
 */
public record RegisteredBlob(ChainObject object, Digest transactionDigest, EventId registeredEvent, long costFrost) {
    public RegisteredBlob {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(transactionDigest, "transactionDigest");
        Objects.requireNonNull(registeredEvent, "registeredEvent");
    }

    /** The blob's fields. */
    public BlobData blob() {
        return (BlobData) object.data();
    }
}
