package dev.walrussync.localnet.publisher;

import dev.walrussync.walrus.encoding.BlobDecoder;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.BlobMetadata;
import dev.walrussync.walrus.encoding.EncodedBlob;
import dev.walrussync.walrus.encoding.ShardMapping;
import dev.walrussync.walrus.encoding.Sliver;
import dev.walrussync.walrus.encoding.SliverPair;
import dev.walrussync.walrus.encoding.SliverType;
import dev.walrussync.walrus.node.ApiSuccess;
import dev.walrussync.walrus.node.BlobMetadataWithId;
import dev.walrussync.walrus.node.BlobPersistenceType;
import dev.walrussync.walrus.node.EncodingConversions;
import dev.walrussync.walrus.node.SignedStorageConfirmation;
import dev.walrussync.walrus.node.SliverData;
import dev.walrussync.walrus.node.StorageNodeRoutes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to the committee's storage nodes over their HTTP API: stores a blob's metadata and slivers
 * on every node in parallel and collects their confirmations, and reads verified metadata and
 * primary slivers back. A node that fails, times out or answers nonsense is simply not counted.
 */
final class NodeFanout implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeFanout.class);

    private final List<NodeEndpoint> committee;
    private final int nShards;
    private final Duration timeout;
    private final HttpClient http;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final BlobDecoder decoder = new BlobDecoder(false);

    NodeFanout(List<NodeEndpoint> committee, int nShards, Duration timeout) {
        this.committee = List.copyOf(committee);
        this.nShards = nShards;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(pool)
                .build();
    }

    /** A node's confirmation and the number of shards it speaks for. */
    record Confirmation(NodeEndpoint node, SignedStorageConfirmation signed) {
        int weight() {
            return node.shards().size();
        }
    }

    /** Stores the blob on every node; returns the confirmations of the nodes that stored all their slivers. */
    List<Confirmation> store(EncodedBlob blob, BlobPersistenceType persistence) {
        byte[] metadata = EncodingConversions.toWire(blob.metadata()).toBcs();
        ShardMapping mapping = ShardMapping.of(blob.blobId(), nShards);
        List<Future<Optional<Confirmation>>> work = new ArrayList<>();
        for (NodeEndpoint node : committee) {
            work.add(pool.submit(() -> storeOn(node, blob, metadata, mapping, persistence)));
        }
        List<Confirmation> confirmations = new ArrayList<>();
        for (Future<Optional<Confirmation>> f : work) {
            try {
                f.get().ifPresent(confirmations::add);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.debug("a node failed while storing {}", blob.blobId(), e.getCause());
            }
        }
        return confirmations;
    }

    private Optional<Confirmation> storeOn(
            NodeEndpoint node,
            EncodedBlob blob,
            byte[] metadata,
            ShardMapping mapping,
            BlobPersistenceType persistence) {
        BlobId id = blob.blobId();
        try {
            if (!ok(send(node, "PUT", StorageNodeRoutes.metadata(id), metadata))) {
                return Optional.empty();
            }
            for (int shard : node.shards()) {
                int pair = mapping.pairIndex(shard);
                SliverPair slivers = blob.sliverPair(pair);
                for (Sliver s : List.of(slivers.primary(), slivers.secondary())) {
                    byte[] body = EncodingConversions.toWire(s).toBcs();
                    if (!ok(send(node, "PUT", StorageNodeRoutes.sliver(id, pair, s.type()), body))) {
                        return Optional.empty();
                    }
                }
            }
            String path = persistence instanceof BlobPersistenceType.Deletable d
                    ? StorageNodeRoutes.deletableConfirmation(id, d.objectId())
                    : StorageNodeRoutes.permanentConfirmation(id);
            HttpResponse<byte[]> r = send(node, "GET", path, null);
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(new Confirmation(
                    node,
                    SignedStorageConfirmation.fromJson(
                            ApiSuccess.parse(r.body()).data())));
        } catch (IOException | RuntimeException e) {
            LOG.debug("node {} did not store {}: {}", node.name(), id, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Reads the blob's metadata from the first node that returns metadata matching the blob ID. */
    Optional<BlobMetadata> readMetadata(BlobId id) {
        List<NodeEndpoint> order = new ArrayList<>(committee);
        Collections.shuffle(order);
        for (NodeEndpoint node : order) {
            try {
                HttpResponse<byte[]> r = send(node, "GET", StorageNodeRoutes.metadata(id), null);
                if (r.statusCode() == 200) {
                    return Optional.of(EncodingConversions.toEncoding(BlobMetadataWithId.fromBcs(r.body())));
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("node {} gave no metadata for {}: {}", node.name(), id, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Reads primary slivers from all nodes in parallel, keeping only those that verify against the
     * metadata, and returns as soon as {@code needed} are in (or every node has answered).
     */
    List<Sliver> readPrimarySlivers(BlobId id, BlobMetadata metadata, int needed) {
        ShardMapping mapping = ShardMapping.of(id, nShards);
        List<Sliver> verified = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> work = new ArrayList<>();
        for (NodeEndpoint node : committee) {
            work.add(pool.submit(() -> {
                for (int shard : node.shards()) {
                    if (verified.size() >= needed || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    int pair = mapping.pairIndex(shard);
                    try {
                        HttpResponse<byte[]> r =
                                send(node, "GET", StorageNodeRoutes.sliver(id, pair, SliverType.PRIMARY), null);
                        if (r.statusCode() != 200) {
                            return;
                        }
                        Sliver s = EncodingConversions.toEncoding(SliverData.fromBcs(r.body()), SliverType.PRIMARY);
                        if (s.index() == pair && decoder.verifySliver(metadata, s)) {
                            verified.add(s);
                        } else {
                            LOG.warn(
                                    "node {} returned a primary sliver {} of {} that does not verify",
                                    node.name(),
                                    pair,
                                    id);
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.debug("node {} gave no sliver {} of {}: {}", node.name(), pair, id, e.toString());
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                // Counted as a node that gave nothing.
            }
        }
        synchronized (verified) {
            return new ArrayList<>(verified.subList(0, Math.min(needed, verified.size())));
        }
    }

    private HttpResponse<byte[]> send(NodeEndpoint node, String method, String path, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(node.baseUri() + path)).timeout(timeout);
        if (body != null) {
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/octet-stream");
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static boolean ok(HttpResponse<byte[]> r) {
        return r.statusCode() == 200 || r.statusCode() == 201 || r.statusCode() == 202;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        http.close();
    }
}
