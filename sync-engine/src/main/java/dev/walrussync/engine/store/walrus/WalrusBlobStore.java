package dev.walrussync.engine.store.walrus;

import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.store.BlobLease;
import dev.walrussync.engine.store.BlobNotFoundException;
import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.BlobStoreException;
import dev.walrussync.engine.store.BlobTooLargeException;
import dev.walrussync.engine.store.StoreInfo;
import dev.walrussync.engine.store.StoredBlob;
import dev.walrussync.walrus.chain.Balances;
import dev.walrussync.walrus.chain.BlobExtension;
import dev.walrussync.walrus.chain.OwnedBlob;
import dev.walrussync.walrus.chain.SystemInfo;
import dev.walrussync.walrus.chain.TransactionOutcome;
import dev.walrussync.walrus.chain.WalrusChain;
import dev.walrussync.walrus.chain.WrongNetworkException;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.http.WalrusException;
import dev.walrussync.walrus.network.WalrusNetwork;
import dev.walrussync.walrus.publisher.AggregatorClient;
import dev.walrussync.walrus.publisher.PayloadTooLargeException;
import dev.walrussync.walrus.publisher.PublisherClient;
import dev.walrussync.walrus.publisher.StoreOptions;
import dev.walrussync.walrus.publisher.StoreResult;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.SuiAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage port on Walrus. Packs go to a publisher with {@code send_object_to} set to the
 * repository's wallet, so the user owns every {@code Blob} object and can extend or delete it; reads
 * go to aggregators, with byte ranges for partial reads; the list of blobs is the wallet's {@code
 * Blob} objects on Sui. Deleting needs the wallet's key, which the repository hands over once it is
 * unlocked ({@link #useSigner}).
 *
 * <p>Every blob is deletable (Walrus's default), so that prune can give storage back before it
 * expires. Thread-safe.
 */
public final class WalrusBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(WalrusBlobStore.class);

    private final WalrusConnector.Connection connection;
    private final WalrusNetwork network;
    private final WalrusChain chain;
    private final PublisherClient publisher;
    private final AggregatorClient aggregator;
    private volatile SuiAddress owner;
    private final int epochs;
    private final long targetPackSize;
    private final SystemInfo systemAtOpen;
    private volatile @Nullable Ed25519Keypair signer;

    private WalrusBlobStore(
            WalrusConnector.Connection connection,
            WalrusChain chain,
            SystemInfo system,
            SuiAddress owner,
            int epochs,
            long targetPackSize,
            RetryPolicy retry) {
        this.connection = connection;
        this.network = connection.network();
        this.chain = chain;
        this.systemAtOpen = system;
        this.publisher = new PublisherClient(network, system.nShards(), retry);
        this.aggregator = new AggregatorClient(network, retry);
        this.owner = owner;
        this.epochs = epochs;
        this.targetPackSize = targetPackSize;
    }

    /**
     * Opens the store on a connected network: reads the Walrus system object (which also proves that
     * the network and its package IDs are right) and sizes packs to what the publisher and the
     * encoding accept.
     *
     * @param packSize the configured pack size, or 0 for the largest the network accepts
     */
    public static WalrusBlobStore open(
            WalrusConnector.Connection connection, SuiAddress owner, int epochs, long packSize, RetryPolicy retry)
            throws BlobStoreException {
        WalrusChain chain = new WalrusChain(connection.network(), retry);
        SystemInfo system;
        try {
            system = chain.system();
        } catch (WrongNetworkException e) {
            // The network answered: its IDs are wrong, which the message says in full.
            connection.close();
            throw new BlobStoreException(e.getMessage(), e, true);
        } catch (WalrusException e) {
            connection.close();
            throw new BlobStoreException(
                    "cannot reach Walrus network '" + connection.network().name() + "': " + e.getMessage(),
                    e,
                    !e.retryable());
        }
        if (epochs > system.maxEpochsAhead()) {
            connection.close();
            throw new BlobStoreException(
                    "blobs can be paid at most " + system.maxEpochsAhead() + " epochs ahead on '"
                            + connection.network().name() + "', not " + epochs,
                    true);
        }
        long largest = largestBlob(connection.network(), system.nShards());
        long target = packSize > 0 ? Math.min(packSize, largest) : largest;
        return new WalrusBlobStore(connection, chain, system, owner, epochs, target, retry);
    }

    /** The largest blob this network takes: the publisher's limit, and what the encoding can hold. */
    public static long largestBlob(WalrusNetwork network, int nShards) {
        return Math.min(network.maxBlobSize(), EncodingConfig.forShards(nShards).maxBlobSize());
    }

    /** Hands over the wallet's key, which deleting blobs needs. */
    public void useSigner(Ed25519Keypair keypair) {
        if (!keypair.address().equals(owner)) {
            throw new IllegalArgumentException("the key is for " + keypair.address() + ", the store for " + owner);
        }
        this.signer = keypair;
    }

    /**
     * Moves every blob object of the current wallet to a new wallet (one transaction, paid with the
     * current wallet's SUI), then stores and signs with the new wallet from here on.
     */
    public void moveTo(Ed25519Keypair newWallet) throws BlobStoreException {
        Ed25519Keypair key = signer;
        if (key == null) {
            throw new BlobStoreException("moving blobs to a new wallet needs the current wallet's key", true);
        }
        List<SuiAddress> objects =
                ownedBlobs().stream().map(b -> b.ref().objectId()).toList();
        if (!objects.isEmpty()) {
            try {
                chain.transferBlobs(key, objects, newWallet.address());
            } catch (WalrusException e) {
                throw new BlobStoreException(
                        "moving " + objects.size() + " blob objects from " + owner + " to " + newWallet.address()
                                + " failed: " + e.getMessage(),
                        e,
                        !e.retryable());
            }
        }
        owner = newWallet.address();
        signer = newWallet;
    }

    /**
     * Asks the network's faucet (local and test networks have one) for SUI and WAL for the wallet, so
     * that it can extend and delete blobs. Returns false when the network has no faucet.
     */
    public boolean fundFromFaucet() throws BlobStoreException {
        java.net.URI faucet = network.faucet();
        if (faucet == null) {
            return false;
        }
        try {
            new dev.walrussync.walrus.network.FaucetClient(faucet).request(owner);
            return true;
        } catch (WalrusException e) {
            throw new BlobStoreException("the faucet of '" + network.name() + "' refused: " + e.getMessage(), e, false);
        }
    }

    public WalrusNetwork network() {
        return network;
    }

    /** Whether every blob costs WAL: true on every network but the embedded local one. */
    public boolean blobsCostWal() {
        return !network.name().equals(WalrusSettings.LOCAL);
    }

    /** Limits uploads to the publisher to {@code bytesPerSecond} from now on; 0 removes the limit. */
    public void setUploadLimit(long bytesPerSecond) {
        publisher.setUploadLimit(bytesPerSecond);
    }

    public WalrusChain chain() {
        return chain;
    }

    public SuiAddress owner() {
        return owner;
    }

    /** How many epochs ahead each new blob is paid for. */
    public int epochs() {
        return epochs;
    }

    /** The system object as read when the store was opened. */
    public SystemInfo systemAtOpen() {
        return systemAtOpen;
    }

    @Override
    public StoreInfo info() {
        String where = network.name().equals(WalrusSettings.LOCAL)
                ? "walrus:local (the embedded network)"
                : "walrus:" + network.name() + " (" + network.aggregators().getFirst() + ")";
        return new StoreInfo("walrus", where, targetPackSize);
    }

    @Override
    public StoredBlob put(Path file) throws BlobStoreException {
        StoredBlob stored = publish(sizeOf(file), () -> publisher.store(file, options()));
        deleteConsumed(file);
        return stored;
    }

    @Override
    public StoredBlob put(byte[] data) throws BlobStoreException {
        return publish(data.length, () -> publisher.store(data, options()));
    }

    /** One store request to the publisher. */
    @FunctionalInterface
    private interface PublisherCall {
        StoreResult call() throws WalrusException;
    }

    /** Stores through the publisher and turns its answer, or its refusal, into the port's terms. */
    private StoredBlob publish(long size, PublisherCall call) throws BlobStoreException {
        try {
            return stored(call.call(), size);
        } catch (PayloadTooLargeException e) {
            throw new BlobTooLargeException(
                    "the publisher refused a " + size + "-byte blob as too large", Math.max(1, size / 2), e);
        } catch (WalrusException e) {
            throw new BlobStoreException("storing a blob on Walrus failed: " + e.getMessage(), e, !e.retryable());
        }
    }

    private StoreOptions options() {
        return new StoreOptions(epochs, owner, true);
    }

    private StoredBlob stored(StoreResult result, long size) throws BlobStoreException {
        BlobId id = new BlobId(result.blobId());
        return switch (result) {
            case StoreResult.NewlyCreated c -> {
                var o = c.blobObject();
                yield new StoredBlob(
                        id,
                        size,
                        Optional.of(new BlobLease(
                                o.objectId(),
                                o.registeredEpoch(),
                                o.startEpoch(),
                                o.endEpoch(),
                                c.encodedLength(),
                                c.cost(),
                                o.deletable())));
            }
            case StoreResult.AlreadyCertified a -> {
                // The same bytes were stored before (a retry after a crash, or the same key blob):
                // nothing was paid; the lease is that of the blob object the wallet already owns.
                Optional<BlobLease> lease = liveBlobs().stream()
                        .filter(b -> b.blobId().equals(result.blobId()))
                        .max(java.util.Comparator.comparingLong(OwnedBlob::endEpoch))
                        .map(WalrusBlobStore::lease);
                if (lease.isEmpty()) {
                    LOG.warn(
                            "blob {} is certified on Walrus, but not by a blob object of {}; it cannot be renewed",
                            result.blobId(),
                            owner);
                }
                yield new StoredBlob(id, size, lease);
            }
        };
    }

    /** The store takes ownership of a file it stored: once the blob is certified, the file goes. */
    private static void deleteConsumed(Path file) throws BlobStoreException {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new BlobStoreException("cannot remove " + file + " after storing it: " + e.getMessage(), e, false);
        }
    }

    private static long sizeOf(Path file) throws BlobStoreException {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new BlobStoreException("cannot read " + file + ": " + e.getMessage(), e, true);
        }
    }

    @Override
    public byte[] get(BlobId id) throws BlobStoreException {
        try {
            return aggregator.read(id.value());
        } catch (dev.walrussync.walrus.publisher.BlobNotFoundException e) {
            throw new BlobNotFoundException(id);
        } catch (WalrusException e) {
            throw new BlobStoreException("reading blob " + id + " from Walrus failed: " + e.getMessage(), e, false);
        }
    }

    @Override
    public byte[] getRange(BlobId id, long offset, int length) throws BlobStoreException {
        if (offset < 0 || length < 0 || offset > Long.MAX_VALUE - length) {
            throw new BlobStoreException(
                    "cannot read " + length + " bytes at offset " + offset + " of blob " + id + ": not a range", true);
        }
        if (length == 0 && offset > 0) {
            // An empty range is valid up to the blob's end: reading the byte before it proves that.
            getRange(id, offset - 1, 1);
            return new byte[0];
        }
        try {
            return aggregator.readRange(id.value(), offset, length);
        } catch (dev.walrussync.walrus.publisher.BlobNotFoundException e) {
            throw new BlobNotFoundException(id);
        } catch (WalrusException e) {
            throw new BlobStoreException(
                    "reading " + length + " bytes at " + offset + " of blob " + id + " from Walrus failed: "
                            + e.getMessage(),
                    e,
                    false);
        }
    }

    /**
     * The wallet's certified, unexpired blobs; a blob ID held by several objects is listed once, with the lease
     * of the longest-lived one and the mark of any.
     */
    @Override
    public List<StoredBlob> list() throws BlobStoreException {
        Map<String, StoredBlob> byId = new HashMap<>();
        for (OwnedBlob b : liveBlobs()) {
            StoredBlob candidate = new StoredBlob(
                    new BlobId(b.blobId()),
                    b.size(),
                    Optional.of(lease(b)),
                    Optional.ofNullable(b.attributes().get(MARK_ATTRIBUTE)));
            byId.merge(b.blobId(), candidate, WalrusBlobStore::longerLived);
        }
        return new ArrayList<>(byId.values());
    }

    private static StoredBlob longerLived(StoredBlob a, StoredBlob b) {
        StoredBlob longer =
                a.lease().orElseThrow().endEpoch() >= b.lease().orElseThrow().endEpoch() ? a : b;
        return longer.withMark(a.mark().or(b::mark));
    }

    /** The wallet's certified blob objects that have expired, each with its lease and mark. */
    @Override
    public List<StoredBlob> expired() throws BlobStoreException {
        long epoch = currentEpoch();
        List<StoredBlob> result = new ArrayList<>();
        for (OwnedBlob b : ownedBlobs()) {
            if (b.certifiedEpoch() != null && b.endEpoch() <= epoch) {
                result.add(new StoredBlob(
                        new BlobId(b.blobId()),
                        b.size(),
                        Optional.of(lease(b)),
                        Optional.ofNullable(b.attributes().get(MARK_ATTRIBUTE))));
            }
        }
        return result;
    }

    /** The blob attribute that holds the repository's mark on a blob (see {@link BlobStore#mark}). */
    public static final String MARK_ATTRIBUTE = "walrus-sync";

    /**
     * Sets the {@value #MARK_ATTRIBUTE} attribute of the blobs' objects, in as few transactions as the limits allow.
     * A blob is found by the object ID of its lease, read on its own; only a blob without a lease (stored before by
     * another object) makes the wallet's blobs be listed. Needs the wallet's key.
     */
    @Override
    public boolean mark(Map<StoredBlob, String> marks) throws BlobStoreException {
        Ed25519Keypair key = signer;
        if (key == null) {
            throw new BlobStoreException("marking blobs on Walrus needs the wallet's key", true);
        }
        List<OwnedBlob> objects = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Map<String, String> withoutLease = new HashMap<>();
        for (Map.Entry<StoredBlob, String> m : marks.entrySet()) {
            Optional<BlobLease> lease = m.getKey().lease();
            if (lease.isEmpty()) {
                withoutLease.put(m.getKey().id().value(), m.getValue());
                continue;
            }
            try {
                objects.add(chain.ownedBlob(owner, SuiAddress.parse(lease.get().objectId())));
            } catch (WalrusException e) {
                throw new BlobStoreException(
                        "cannot read blob object " + lease.get().objectId() + ": " + e.getMessage(), e, !e.retryable());
            }
            values.add(m.getValue());
        }
        if (!withoutLease.isEmpty()) {
            for (OwnedBlob b : liveBlobs()) {
                String value = withoutLease.get(b.blobId());
                if (value != null && !value.equals(b.attributes().get(MARK_ATTRIBUTE))) {
                    objects.add(b);
                    values.add(value);
                }
            }
        }
        int batch = WalrusChain.MAX_EXTENSIONS_PER_TRANSACTION;
        for (int from = 0; from < objects.size(); from += batch) {
            int to = Math.min(objects.size(), from + batch);
            try {
                chain.setAttributes(key, objects.subList(from, to), MARK_ATTRIBUTE, values.subList(from, to));
            } catch (WalrusException e) {
                throw new BlobStoreException(
                        "marking " + (to - from) + " blob(s) failed: " + e.getMessage(), e, !e.retryable());
            }
        }
        return true;
    }

    /** Every blob object of the wallet, as it is on chain now. */
    public List<OwnedBlob> ownedBlobs() throws BlobStoreException {
        try {
            return chain.ownedBlobs(owner);
        } catch (WalrusException e) {
            throw new BlobStoreException(
                    "cannot list the blobs of " + owner + " on Sui: " + e.getMessage(), e, !e.retryable());
        }
    }

    /** The wallet's blob objects that are certified and not yet expired. */
    public List<OwnedBlob> liveBlobs() throws BlobStoreException {
        return liveBlobs(currentEpoch());
    }

    /** The wallet's blob objects that are certified and not yet expired in {@code epoch}. */
    public List<OwnedBlob> liveBlobs(long epoch) throws BlobStoreException {
        return ownedBlobs().stream()
                .filter(b -> b.certifiedEpoch() != null && b.endEpoch() > epoch)
                .toList();
    }

    private static BlobLease lease(OwnedBlob b) {
        return new BlobLease(
                b.ref().objectId().toString(),
                b.registeredEpoch(),
                b.startEpoch(),
                b.endEpoch(),
                b.storageSize(),
                0,
                b.deletable());
    }

    private long currentEpoch() throws BlobStoreException {
        return system().epoch();
    }

    /** The Walrus system object as it is now: epoch, prices and committee. */
    public SystemInfo system() throws BlobStoreException {
        try {
            return chain.system();
        } catch (WalrusException e) {
            throw new BlobStoreException("cannot read the Walrus system object: " + e.getMessage(), e, !e.retryable());
        }
    }

    /** The wallet's WAL and SUI. */
    public Balances balances() throws BlobStoreException {
        try {
            return chain.balances(owner);
        } catch (WalrusException e) {
            throw new BlobStoreException(
                    "cannot read the balances of " + owner + ": " + e.getMessage(), e, !e.retryable());
        }
    }

    /**
     * Extends blob objects of the wallet in one transaction (at most {@link
     * WalrusChain#MAX_EXTENSIONS_PER_TRANSACTION}), paying WAL from the wallet.
     */
    public TransactionOutcome extend(List<BlobExtension> extensions) throws BlobStoreException {
        Ed25519Keypair key = signer;
        if (key == null) {
            throw new BlobStoreException(
                    "extending blobs on Walrus needs the wallet's key, which only an unlocked repository has", true);
        }
        try {
            return chain.extendBlobs(key, extensions);
        } catch (WalrusException e) {
            throw new BlobStoreException(
                    "extending " + extensions.size() + " blob(s) failed: " + e.getMessage(), e, !e.retryable());
        }
    }

    /**
     * Deletes every deletable blob object of the wallet that holds this blob ID; the storage goes back to
     * the wallet. Permanent blob objects cannot be deleted and are left to expire.
     */
    @Override
    public void delete(BlobId id) throws BlobStoreException {
        Ed25519Keypair key = signer;
        if (key == null) {
            throw new BlobStoreException(
                    "deleting blobs on Walrus needs the wallet's key, which only an unlocked repository has", true);
        }
        for (OwnedBlob b : ownedBlobs()) {
            if (!b.blobId().equals(id.value())) {
                continue;
            }
            if (!b.deletable()) {
                LOG.info(
                        "blob object {} of {} is permanent; it stays until epoch {}",
                        b.ref().objectId(),
                        id,
                        b.endEpoch());
                continue;
            }
            try {
                chain.deleteBlob(key, b.ref().objectId());
            } catch (WalrusException e) {
                throw new BlobStoreException(
                        "deleting blob object " + b.ref().objectId() + " (" + id + ") failed: " + e.getMessage(),
                        e,
                        !e.retryable());
            }
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
