package dev.walrussync.localnet.network;

import dev.walrussync.localnet.chain.BlobObjectStatus;
import dev.walrussync.localnet.chain.BlobStatus;
import dev.walrussync.localnet.chain.LocalChain;
import dev.walrussync.localnet.node.BlobRegistration;
import dev.walrussync.localnet.node.ChainView;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.node.BlobPersistenceType;
import dev.walrussync.walrus.node.EventId;
import java.util.Optional;
import java.util.OptionalLong;

/** The chain as an in-process storage node sees it: the epoch and each blob's best registration. */
public final class ChainRegistrations implements ChainView {
    private final LocalChain chain;

    public ChainRegistrations(LocalChain chain) {
        this.chain = chain;
    }

    @Override
    public long currentEpoch() {
        return chain.currentEpoch();
    }

    @Override
    public Optional<BlobRegistration> registration(BlobId blobId) {
        return of(chain.blobStatus(blobId));
    }

    /** The registration a node should act on: the most durable live object for the blob ID. */
    static Optional<BlobRegistration> of(BlobStatus status) {
        Optional<BlobObjectStatus> best = status.best();
        if (best.isEmpty()) {
            best = status.objects().stream().reduce((a, b) -> b.endEpoch() >= a.endEpoch() ? b : a);
        }
        return best.map(o -> new BlobRegistration(
                o.endEpoch(),
                o.deletable() ? BlobPersistenceType.deletable(o.objectId().toBytes()) : BlobPersistenceType.permanent(),
                o.certifiedEpoch(),
                eventId(o.statusEvent())));
    }

    static EventId eventId(dev.walrussync.localnet.chain.EventId e) {
        return new EventId(e.txDigestBase58(), e.eventSeq());
    }

    @Override
    public long processedEventCount() {
        return chain.latestCheckpoint();
    }

    @Override
    public OptionalLong latestCheckpointSequenceNumber() {
        return OptionalLong.of(chain.latestCheckpoint());
    }
}
