package dev.walrussync.localnet.node;

import com.sun.net.httpserver.HttpServer;
import dev.walrussync.walrus.encoding.EncodingConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.SortedSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Walrus storage node: the storage-node REST API over HTTP/1.1 on 127.0.0.1, for the shards the committee
 * assigns it, with its data in its own folder.
 *
 * <p>Routes: {@code GET /v1/health[?detailed=true]}, {@code GET /v1/api}, {@code GET|PUT
 * /v1/blobs/{id}/metadata}, {@code GET /v1/blobs/{id}/metadata/status}, {@code GET|PUT
 * /v1/blobs/{id}/slivers/{pair}/{primary|secondary}} and its {@code /status}, {@code GET
 * /v1/blobs/{id}/confirmation/permanent}, {@code GET /v1/blobs/{id}/confirmation/deletable/{object id}} and {@code
 * GET /v1/blobs/{id}/status}; anything else is a 404 AIP-193 error. Uploads are accepted only for blobs registered
 * and not expired on the {@link ChainView}, metadata before slivers; metadata must hash to the blob ID and each
 * sliver to its pair's hash in the metadata; a sliver pair must map to one of the node's shards.
 *
 * <p>Data folder: {@code node.key} (the {@link NodeKey} seed), {@code metadata/<blob id>.bcs} and {@code
 * shards/<shard>/<blob id>/primary.bcs|secondary.bcs}. A node restarted on the same folder serves what it stored and
 * keeps its key. Call {@link #sweepExpired()} on every epoch change to delete the blobs that have expired.
 *
 * <p>Storage confirmations are signed with the node's Ed25519 key, not with BLS12-381 as on real Walrus.
 */
public final class StorageNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorageNode.class);

    private final StorageNodeConfig config;
    private final NodeKey key;
    private final NodeService service;
    private final HttpServer server;
    private final ExecutorService executor;

    private StorageNode(
            StorageNodeConfig config, NodeKey key, NodeService service, HttpServer server, ExecutorService executor) {
        this.config = config;
        this.key = key;
        this.service = service;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Opens (or creates) the node's data folder and starts serving.
     *
     * @throws IOException if the folder cannot be prepared or the port cannot be bound
     */
    public static StorageNode start(StorageNodeConfig config) throws IOException {
        Files.createDirectories(config.dataDir());
        NodeKey key = NodeKey.loadOrCreate(config.dataDir().resolve("node.key"));
        NodeStore store = new NodeStore(config.dataDir(), config.shards());
        NodeService service = new NodeService(
                EncodingConfig.forShards(config.nShards()), config.shards(), config.chain(), store, key);
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new NodeHttpHandler(config.name(), service));
        server.start();
        StorageNode node = new StorageNode(config, key, service, server, executor);
        LOG.info("storage node {} serving shards {} at {}", config.name(), config.shards(), node.baseUri());
        return node;
    }

    public String name() {
        return config.name();
    }

    public StorageNodeConfig config() {
        return config;
    }

    /** The shards this node holds. */
    public SortedSet<Integer> shards() {
        return config.shards();
    }

    public int nShards() {
        return config.nShards();
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /** The bound TCP port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port());
    }

    /** A copy of the node's 32-byte Ed25519 public key, which verifies its storage confirmations. */
    public byte[] publicKey() {
        return key.publicKey();
    }

    /** The public key in base64, as the health route reports it. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(key.publicKey());
    }

    /**
     * Deletes the files of every stored blob whose end epoch is at or before the chain's current epoch, or that is
     * no longer registered; afterwards reads of those blobs give 404.
     *
     * @return the number of blobs deleted
     */
    public int sweepExpired() {
        int deleted = service.sweepExpired();
        if (deleted > 0) {
            LOG.info("storage node {} deleted {} expired blobs", config.name(), deleted);
        }
        return deleted;
    }

    /** Stops serving and waits briefly for running requests. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "StorageNode[" + config.name() + ", shards " + config.shards() + ", " + baseUri() + "]";
    }
}
