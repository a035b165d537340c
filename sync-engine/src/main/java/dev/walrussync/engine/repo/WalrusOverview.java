package dev.walrussync.engine.repo;

import dev.walrussync.engine.index.IndexDatabase.BlobRow;
import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.model.BlobInfo;
import dev.walrussync.engine.model.CostEstimate;
import dev.walrussync.engine.model.NodeStatus;
import dev.walrussync.engine.model.RenewalPolicy;
import dev.walrussync.engine.model.RenewalReport;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.WalletInfo;
import dev.walrussync.engine.model.WalrusStatus;
import dev.walrussync.engine.store.walrus.WalrusBlobStore;
import dev.walrussync.engine.wallet.WalletFile;
import dev.walrussync.walrus.chain.Balances;
import dev.walrussync.walrus.chain.CommitteeNode;
import dev.walrussync.walrus.chain.OwnedBlob;
import dev.walrussync.walrus.chain.SystemInfo;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.health.NodeHealth;
import dev.walrussync.walrus.health.NodeHealthClient;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/**
 * What a repository on Walrus looks like from the outside: wallet balances, what is stored and until
 * when, what it costs, and how the storage nodes are doing. Reads the chain live; the index adds which
 * files depend on which blob.
 */
public final class WalrusOverview {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);

    private final Repository repo;
    private final WalrusBlobStore store;

    public WalrusOverview(Repository repo) throws SyncException {
        this.repo = repo;
        if (!(repo.store() instanceof WalrusBlobStore w)) {
            throw new SyncException("the repository is on " + repo.config().store() + ", not on Walrus");
        }
        this.store = w;
    }

    public SystemInfo system() throws SyncException {
        return store.system();
    }

    public WalletInfo wallet() throws SyncException {
        return walletInfo(store.balances());
    }

    private WalletInfo walletInfo(Balances b) {
        return new WalletInfo(store.network().name(), store.owner().toString(), b.walFrost(), b.suiMist());
    }

    /** Where the repository stands, with the forecast and alerts of a renewal pass planned now. */
    public WalrusStatus status(RenewalPolicy policy) throws SyncException {
        SystemInfo sys = system();
        Balances balances = store.balances();
        WalletInfo wallet = walletInfo(balances);
        List<OwnedBlob> live = store.liveBlobs(sys.epoch());
        RenewalReport renewal = new Renewal(repo, policy).run(true, (done, total) -> {}, sys, live, balances);
        int blobs = 0;
        long stored = 0;
        long encoded = 0;
        long units = 0;
        Long earliest = null;
        for (OwnedBlob b : live) {
            blobs++;
            stored += b.size();
            encoded += b.storageSize();
            units += SystemInfo.units(b.storageSize());
            if (earliest == null || b.endEpoch() < earliest) {
                earliest = b.endEpoch();
            }
        }
        Instant expiry = earliest == null
                ? null
                : sys.epochStart().plus(sys.epochDuration().multipliedBy(earliest - sys.epoch()));
        return new WalrusStatus(
                wallet,
                sys.epoch(),
                sys.epochStart(),
                sys.epochDuration(),
                sys.maxEpochsAhead(),
                sys.nShards(),
                blobs,
                stored,
                encoded,
                earliest,
                expiry,
                units * sys.storagePricePerUnit(),
                sys.storagePricePerUnit(),
                sys.writePricePerUnit(),
                costPerGiB(sys),
                health(sys),
                renewal.forecast(),
                renewal.alerts(),
                renewal.unpaid());
    }

    /**
     * Every blob of the repository: the packs the index knows and the key blob, each with its chain
     * state; then any other blob object the wallet owns, as {@code foreign}.
     */
    public List<BlobInfo> blobs() throws SyncException {
        SystemInfo sys = system();
        Map<String, OwnedBlob> onChain = new HashMap<>();
        for (OwnedBlob b : store.liveBlobs(sys.epoch())) {
            onChain.merge(b.blobId(), b, (x, y) -> x.endEpoch() >= y.endEpoch() ? x : y);
        }
        Map<BlobId, SortedSet<String>> files = repo.index().filesByBlob();
        List<BlobInfo> out = new ArrayList<>();
        String keyBlob = repo.config().keyBlob();
        OwnedBlob key = onChain.remove(keyBlob);
        out.add(info(keyBlob, "keys", key, null, List.of()));
        for (BlobRow row : repo.index().blobs()) {
            if (row.blobId().value().equals(keyBlob)) {
                continue;
            }
            OwnedBlob chain = onChain.remove(row.blobId().value());
            out.add(info(
                    row.blobId().value(),
                    "pack",
                    chain,
                    row,
                    List.copyOf(files.getOrDefault(row.blobId(), new java.util.TreeSet<>()))));
        }
        for (OwnedBlob other : onChain.values()) {
            out.add(info(other.blobId(), "foreign", other, null, List.of()));
        }
        return out;
    }

    private static BlobInfo info(
            String blobId, String kind, @Nullable OwnedBlob chain, @Nullable BlobRow row, List<String> files) {
        if (chain != null) {
            return new BlobInfo(
                    blobId,
                    kind,
                    chain.ref().objectId().toString(),
                    chain.size(),
                    chain.storageSize(),
                    chain.endEpoch(),
                    chain.deletable(),
                    row == null ? null : row.cost(),
                    true,
                    files);
        }
        return new BlobInfo(
                blobId,
                kind,
                row == null ? null : row.objectId(),
                row == null ? 0 : row.size(),
                row == null ? null : row.encodedSize(),
                row == null ? null : row.endEpoch(),
                row == null ? null : row.deletable(),
                row == null ? null : row.cost(),
                false,
                files);
    }

    /** Asks every node of the current committee for its health, at once. */
    public List<NodeStatus> health() throws SyncException {
        return health(system());
    }

    private static List<NodeStatus> health(SystemInfo sys) {
        Map<String, Integer> shards = new HashMap<>();
        for (CommitteeNode n : sys.committee()) {
            shards.put(n.name(), n.shards());
        }
        List<NodeStatus> out = new ArrayList<>();
        for (NodeHealth h : new NodeHealthClient(HEALTH_TIMEOUT).check(sys.committee())) {
            out.add(new NodeStatus(
                    h.name(),
                    h.url().toString(),
                    shards.getOrDefault(h.name(), 0),
                    h.reachable(),
                    h.nodeStatus(),
                    h.latency().toMillis(),
                    h.error()));
        }
        return out;
    }

    /** Pack sizes for which {@link #costPerGiB(SystemInfo)} is shown: a small blob, a public publisher's limit, a large one. */
    public static final List<Long> SAMPLE_BLOB_SIZES = List.of(256L << 10, 1L << 20, 10L << 20, 100L << 20);

    /**
     * What keeping 1 GiB of packs stored for one epoch costs, by pack size, at today's prices: every blob
     * carries a fixed amount of encoded metadata (about 64 MB at 1000 shards), so small blobs cost more
     * per byte. Sizes the network's encoding cannot hold are left out.
     */
    private static Map<Long, Long> costPerGiB(SystemInfo sys) {
        EncodingConfig encoding = EncodingConfig.forShards(sys.nShards());
        Map<Long, Long> out = new java.util.LinkedHashMap<>();
        for (long size : SAMPLE_BLOB_SIZES) {
            if (size > encoding.maxBlobSize()) {
                continue;
            }
            long blobsPerGiB = (1L << 30) / size;
            out.put(size, blobsPerGiB * SystemInfo.units(encoding.encodedLength(size)) * sys.storagePricePerUnit());
        }
        return out;
    }

    /** What storing blobs of these sizes costs for the store's number of epochs, at today's prices. */
    public CostEstimate costOf(List<Long> blobSizes) throws SyncException {
        SystemInfo sys = system();
        EncodingConfig encoding = EncodingConfig.forShards(sys.nShards());
        long bytes = 0;
        long encoded = 0;
        long units = 0;
        long cost = 0;
        for (long size : blobSizes) {
            long e = encoding.encodedLength(size);
            bytes += size;
            encoded += e;
            units += SystemInfo.units(e);
            cost += sys.storeCost(e, store.epochs());
        }
        return new CostEstimate(blobSizes.size(), bytes, encoded, units, store.epochs(), cost);
    }

    /**
     * Gives the repository a new wallet (a new key, or an imported one): the current wallet's blob
     * objects are transferred to it first (paid with the current wallet's SUI), so the new wallet can
     * renew them. Returns the new address.
     */
    public String replaceWallet(Ed25519Keypair keypair) throws SyncException {
        store.moveTo(keypair);
        WalletFile.seal(keypair, repo.keys(), repo.clock()).save(repo.home());
        return keypair.address().toString();
    }
}
