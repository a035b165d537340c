package dev.walrussync.localnet.node;

import dev.walrussync.walrus.encoding.BlobId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link ChainView} whose epoch and registrations tests set directly. */
final class TestChain implements ChainView {
    private volatile long epoch;
    private volatile long events;
    private volatile OptionalLong checkpoint = OptionalLong.empty();
    private final Map<BlobId, BlobRegistration> registrations = new ConcurrentHashMap<>();

    TestChain(long epoch) {
        this.epoch = epoch;
    }

    void setEpoch(long epoch) {
        this.epoch = epoch;
    }

    void setProgress(long events, long checkpoint) {
        this.events = events;
        this.checkpoint = OptionalLong.of(checkpoint);
    }

    void register(BlobId blobId, BlobRegistration registration) {
        registrations.put(blobId, registration);
    }

    void remove(BlobId blobId) {
        registrations.remove(blobId);
    }

    @Override
    public long currentEpoch() {
        return epoch;
    }

    @Override
    public Optional<BlobRegistration> registration(BlobId blobId) {
        return Optional.ofNullable(registrations.get(blobId));
    }

    @Override
    public long processedEventCount() {
        return events;
    }

    @Override
    public OptionalLong latestCheckpointSequenceNumber() {
        return checkpoint;
    }
}
