package dev.walrussync.localnet.node;

import dev.walrussync.walrus.encoding.BlobDecoder;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.encoding.ShardMapping;
import dev.walrussync.walrus.encoding.Sliver;
import dev.walrussync.walrus.encoding.SliverType;
import dev.walrussync.walrus.node.ApiStatusCode;
import dev.walrussync.walrus.node.BlobMetadata;
import dev.walrussync.walrus.node.BlobMetadataWithId;
import dev.walrussync.walrus.node.BlobPersistenceType;
import dev.walrussync.walrus.node.BlobStatus;
import dev.walrussync.walrus.node.DeletableCounts;
import dev.walrussync.walrus.node.EncodingConversions;
import dev.walrussync.walrus.node.EncodingType;
import dev.walrussync.walrus.node.ProtocolMessage;
import dev.walrussync.walrus.node.ServiceHealthInfo;
import dev.walrussync.walrus.node.SignedStorageConfirmation;
import dev.walrussync.walrus.node.SliverData;
import dev.walrussync.walrus.node.StoredOnNodeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The behaviour of a storage node, independent of HTTP: checks, storage, statuses, confirmations and health; every
 * failure is an {@link ApiException} with the reason a real node gives.
 */
final class NodeService {
    /** The outcome of an upload: the HTTP status and the message of the success envelope. */
    record Outcome(int code, String message) {}

    /** The longest a confirmation request waits for a registration ({@code wait_for_registration=true}). */
    static final Duration MAX_REGISTRATION_WAIT = Duration.ofSeconds(10);

    private static final String NOT_REGISTERED = "NOT_REGISTERED";

    private final EncodingConfig config;
    private final SortedSet<Integer> shards;
    private final ChainView chain;
    private final NodeStore store;
    private final NodeKey key;
    private final long startNanos = System.nanoTime();
    /** Requests share the lock; a sweep takes it exclusively so it never deletes under a running upload. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    NodeService(EncodingConfig config, SortedSet<Integer> shards, ChainView chain, NodeStore store, NodeKey key) {
        this.config = config;
        this.shards = shards;
        this.chain = chain;
        this.store = store;
        this.key = key;
    }

    int nShards() {
        return config.nShards();
    }

    /** The largest metadata body: version, encoding type, length and n pairs of two digests, with headroom. */
    int maxMetadataBody() {
        return 64 + 66 * config.nShards();
    }

    /** The largest sliver body: a primary sliver of the largest symbol size, with headroom. */
    int maxSliverBody() {
        return 64 + config.secondarySourceSymbols() * EncodingConfig.MAX_SYMBOL_SIZE;
    }

    private <T> T shared(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- metadata

    Outcome putMetadata(BlobId blobId, byte[] body, boolean pending) {
        BlobMetadata metadata = parse(() -> BlobMetadata.fromBcs(body), "blob metadata");
        return shared(() -> {
            requireRegistered(blobId);
            if (metadata.encodingType() != EncodingType.RS2) {
                throw ApiException.of(
                        ApiStatusCode.INVALID_ARGUMENT,
                        "UNSUPPORTED_ENCODING_TYPE",
                        "unsupported encoding type " + metadata.encodingType() + ", supported types are: [RS2]");
            }
            if (store.hasMetadata(blobId)) {
                return new Outcome(200, "metadata already stored");
            }
            verifyMetadata(blobId, metadata);
            store.writeMetadata(blobId, metadata.toBcs());
            return pending
                    ? new Outcome(202, "metadata buffered pending registration")
                    : new Outcome(201, "metadata successfully stored");
        });
    }

    private void verifyMetadata(BlobId blobId, BlobMetadata metadata) {
        if (metadata.nShards() != config.nShards()) {
            throw invalidMetadata("the metadata has " + metadata.nShards() + " sliver pairs, but the system has "
                    + config.nShards() + " shards");
        }
        if (Long.compareUnsigned(metadata.unencodedLength(), config.maxBlobSize()) > 0) {
            throw invalidMetadata("the unencoded length " + Long.toUnsignedString(metadata.unencodedLength())
                    + " exceeds the maximum blob size " + config.maxBlobSize());
        }
        dev.walrussync.walrus.encoding.BlobMetadata validated;
        try {
            validated = EncodingConversions.toEncoding(metadata);
        } catch (IllegalArgumentException e) {
            throw invalidMetadata(e.getMessage());
        }
        BlobId derived = validated.blobId();
        if (!derived.equals(blobId)) {
            throw invalidMetadata("the metadata hashes to blob ID " + derived + ", not to " + blobId);
        }
    }

    private static ApiException invalidMetadata(String detail) {
        return ApiException.of(
                ApiStatusCode.INVALID_ARGUMENT,
                "INVALID_METADATA",
                "the provided metadata failed to verify: " + detail);
    }

    byte[] getMetadata(BlobId blobId) {
        return shared(() -> {
            Optional<byte[]> bytes = isServing(blobId) ? store.readMetadata(blobId) : Optional.empty();
            if (bytes.isEmpty()) {
                throw ApiException.of(
                        ApiStatusCode.NOT_FOUND, "METADATA_NOT_FOUND", "the requested metadata is unavailable");
            }
            return new BlobMetadataWithId(blobId, BlobMetadata.fromBcs(bytes.get())).toBcs();
        });
    }

    StoredOnNodeStatus metadataStatus(BlobId blobId) {
        return shared(() -> isServing(blobId) && store.hasMetadata(blobId)
                ? StoredOnNodeStatus.STORED
                : StoredOnNodeStatus.NONEXISTENT);
    }

    // ---- slivers

    Outcome putSliver(BlobId blobId, int pairIndex, SliverType type, byte[] body, boolean pending) {
        checkIndex(pairIndex);
        SliverData data = parse(() -> SliverData.fromBcs(body), "sliver");
        return shared(() -> {
            requireRegistered(blobId);
            Optional<byte[]> metadataBytes = store.readMetadata(blobId);
            if (metadataBytes.isEmpty()) {
                throw ApiException.of(
                        ApiStatusCode.FAILED_PRECONDITION,
                        "METADATA_NOT_FOUND",
                        "blob metadata is required but missing");
            }
            int shard = requireOwnedShard(blobId, pairIndex);
            if (store.hasSliver(shard, blobId, type)) {
                return new Outcome(200, "sliver already stored");
            }
            verifySliver(metadataBytes.get(), pairIndex, type, data);
            store.writeSliver(shard, blobId, type, data.toBcs());
            return pending
                    ? new Outcome(202, "sliver buffered pending registration")
                    : new Outcome(201, "sliver stored successfully");
        });
    }

    private void verifySliver(byte[] metadataBytes, int pairIndex, SliverType type, SliverData data) {
        int expectedIndex = config.sliverIndex(type, pairIndex);
        if (data.index() != expectedIndex) {
            throw invalidSliver(
                    "sliver pair " + pairIndex + " holds " + type.name().toLowerCase(Locale.ROOT) + " sliver "
                            + expectedIndex + ", but the body is sliver " + data.index());
        }
        dev.walrussync.walrus.encoding.BlobMetadata metadata =
                EncodingConversions.toEncoding(BlobMetadata.fromBcs(metadataBytes));
        Sliver sliver = EncodingConversions.toEncoding(data, type);
        boolean valid;
        try {
            valid = new BlobDecoder(false).verifySliver(metadata, sliver);
        } catch (IllegalArgumentException e) {
            throw invalidSliver(e.getMessage());
        }
        if (!valid) {
            throw invalidSliver(
                    "the sliver's Merkle root does not match the metadata's hash for sliver pair " + pairIndex);
        }
    }

    private static ApiException invalidSliver(String detail) {
        return ApiException.of(
                ApiStatusCode.INVALID_ARGUMENT, "INVALID_SLIVER", "the provided sliver is invalid: " + detail);
    }

    byte[] getSliver(BlobId blobId, int pairIndex, SliverType type) {
        checkIndex(pairIndex);
        return shared(() -> {
            int shard = requireOwnedShard(blobId, pairIndex);
            Optional<byte[]> bytes = isServing(blobId) ? store.readSliver(shard, blobId, type) : Optional.empty();
            if (bytes.isEmpty()) {
                throw ApiException.of(
                        ApiStatusCode.NOT_FOUND, "SLIVER_NOT_FOUND", "the requested sliver is unavailable");
            }
            return bytes.get();
        });
    }

    StoredOnNodeStatus sliverStatus(BlobId blobId, int pairIndex, SliverType type) {
        checkIndex(pairIndex);
        return shared(() -> {
            int shard = requireOwnedShard(blobId, pairIndex);
            return isServing(blobId) && store.hasSliver(shard, blobId, type)
                    ? StoredOnNodeStatus.STORED
                    : StoredOnNodeStatus.NONEXISTENT;
        });
    }

    private void checkIndex(int pairIndex) {
        if (pairIndex < 0 || pairIndex >= config.nShards()) {
            throw ApiException.of(
                    ApiStatusCode.INVALID_ARGUMENT,
                    "INDEX_OUT_OF_RANGE",
                    "the requested sliver index is out of range: requires 0 <= index (" + pairIndex + ") < "
                            + config.nShards(),
                    Map.of("index", pairIndex, "max", config.nShards()));
        }
    }

    /** The shard holding the pair for this blob, which must be one of this node's. */
    private int requireOwnedShard(BlobId blobId, int pairIndex) {
        int shard = ShardMapping.of(blobId, config.nShards()).shardIndex(pairIndex);
        if (!shards.contains(shard)) {
            long epoch = chain.currentEpoch();
            throw ApiException.of(
                    ApiStatusCode.FAILED_PRECONDITION,
                    "SHARD_NOT_ASSIGNED",
                    "shard " + shard + " is not assigned to this node in epoch " + epoch,
                    Map.of("shard", shard, "epoch", epoch));
        }
        return shard;
    }

    // ---- confirmations and status

    /**
     * A confirmation, first waiting up to {@code wait} (capped at {@link #MAX_REGISTRATION_WAIT}) for the blob to
     * be registered if it is not yet, as real nodes do for {@code ?wait_for_registration=true}.
     */
    SignedStorageConfirmation confirmation(BlobId blobId, BlobPersistenceType persistence, Duration wait) {
        if (!wait.isZero() && !isServing(blobId)) {
            long deadline = System.nanoTime()
                    + (wait.compareTo(MAX_REGISTRATION_WAIT) > 0 ? MAX_REGISTRATION_WAIT : wait).toNanos();
            try {
                while (!isServing(blobId) && System.nanoTime() - deadline < 0) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return confirmation(blobId, persistence);
    }

    private SignedStorageConfirmation confirmation(BlobId blobId, BlobPersistenceType persistence) {
        return shared(() -> {
            long epoch = chain.currentEpoch();
            requireRegistered(blobId);
            if (!isFullyStored(blobId)) {
                throw ApiException.of(
                        ApiStatusCode.FAILED_PRECONDITION,
                        "MISSING_SLIVERS",
                        "the required slivers are not all stored");
            }
            byte[] message = ProtocolMessage.storageConfirmation(epoch, blobId, persistence)
                    .toBcs();
            return SignedStorageConfirmation.of(message, key.sign(message));
        });
    }

    private boolean isFullyStored(BlobId blobId) {
        if (!store.hasMetadata(blobId)) {
            return false;
        }
        for (int shard : shards) {
            if (!store.hasSliver(shard, blobId, SliverType.PRIMARY)
                    || !store.hasSliver(shard, blobId, SliverType.SECONDARY)) {
                return false;
            }
        }
        return true;
    }

    BlobStatus blobStatus(BlobId blobId) {
        long epoch = chain.currentEpoch();
        Optional<BlobRegistration> found = chain.registration(blobId).filter(r -> r.isActiveAt(epoch));
        if (found.isEmpty()) {
            return BlobStatus.nonexistent();
        }
        BlobRegistration registration = found.get();
        if (registration.isDeletable()) {
            return new BlobStatus.Deletable(
                    registration.certifiedEpoch(), new DeletableCounts(1, registration.isCertified() ? 1 : 0));
        }
        return new BlobStatus.Permanent(
                registration.endEpoch(),
                registration.isCertified(),
                registration.statusEvent(),
                DeletableCounts.NONE,
                registration.certifiedEpoch());
    }

    ServiceHealthInfo health(boolean detailed) {
        long processed = chain.processedEventCount();
        List<ServiceHealthInfo.ShardHealthInfo> owned = new ArrayList<>(shards.size());
        for (int shard : shards) {
            owned.add(new ServiceHealthInfo.ShardHealthInfo(shard, ServiceHealthInfo.ShardStatus.READY));
        }
        return new ServiceHealthInfo(
                Duration.ofNanos(System.nanoTime() - startNanos),
                chain.currentEpoch(),
                Base64.getEncoder().encodeToString(key.publicKey()),
                "Active",
                new ServiceHealthInfo.EventProgress(
                        processed, 0, processed > 0 ? OptionalLong.of(processed - 1) : OptionalLong.empty()),
                new ServiceHealthInfo.ShardStatusSummary(
                        shards.size(), new ServiceHealthInfo.OwnedShardStatus(0, shards.size(), 0, 0), 0),
                detailed ? Optional.of(new ServiceHealthInfo.ShardStatusDetail(owned, List.of())) : Optional.empty(),
                chain.latestCheckpointSequenceNumber());
    }

    /** Deletes the files of every stored blob that is no longer registered or whose end epoch has passed. */
    int sweepExpired() {
        lock.writeLock().lock();
        try {
            long epoch = chain.currentEpoch();
            int deleted = 0;
            for (BlobId blobId : store.storedBlobs()) {
                boolean live = chain.registration(blobId)
                        .filter(r -> r.isActiveAt(epoch))
                        .isPresent();
                if (!live) {
                    store.delete(blobId);
                    deleted++;
                }
            }
            return deleted;
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- helpers

    private boolean isServing(BlobId blobId) {
        long epoch = chain.currentEpoch();
        return chain.registration(blobId).filter(r -> r.isActiveAt(epoch)).isPresent();
    }

    private void requireRegistered(BlobId blobId) {
        if (!isServing(blobId)) {
            throw ApiException.of(
                    ApiStatusCode.FAILED_PRECONDITION,
                    NOT_REGISTERED,
                    "the blob has not been registered or has already expired");
        }
    }

    private static <T> T parse(Supplier<T> parser, String what) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.of(
                    ApiStatusCode.INVALID_ARGUMENT,
                    "MALFORMED_BODY",
                    "the request body is not a BCS-encoded " + what + ": " + e.getMessage());
        }
    }
}
