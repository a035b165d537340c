package dev.walrussync.localnet.publisher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.walrussync.localnet.publisher.PublisherChain.ChainBlob;
import dev.walrussync.localnet.publisher.PublisherChain.ChainException;
import dev.walrussync.walrus.encoding.BlobDecoder;
import dev.walrussync.walrus.encoding.BlobEncoder;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.BlobMetadata;
import dev.walrussync.walrus.encoding.BlobTooLargeException;
import dev.walrussync.walrus.encoding.EncodedBlob;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.encoding.InconsistentBlobException;
import dev.walrussync.walrus.encoding.Sliver;
import dev.walrussync.walrus.node.ApiError;
import dev.walrussync.walrus.node.ApiStatusCode;
import dev.walrussync.walrus.node.BlobPersistenceType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Walrus daemon: publisher and aggregator on one loopback port, serving the routes, query
 * parameters, JSON shapes, headers, limits and errors of protocol.md §1.
 */
public final class WalrusDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalrusDaemon.class);

    /** Query parameters {@code PUT /v1/blobs} accepts (Walrus's {@code PublisherQuery}). */
    private static final List<String> STORE_PARAMS = List.of(
            "epochs",
            "permanent",
            "deletable",
            "force",
            "reuse_resources",
            "encoding_type",
            "quilt_version",
            "send_object_to",
            "share");

    private static final Set<String> READ_PARAMS = Set.of("strict_consistency_check", "skip_consistency_check");

    /** Attribute keys that by-object-id reads copy into response headers (Walrus's default list). */
    private static final List<String> ALLOWED_HEADERS = List.of(
            "content-type",
            "authorization",
            "content-disposition",
            "content-encoding",
            "content-language",
            "content-location",
            "link");

    /**
     * How the daemon runs.
     *
     * @param port 0 for an ephemeral port
     * @param maxBodySize the largest blob {@code PUT /v1/blobs} accepts (Walrus's default: 10 MiB)
     * @param maxConcurrentStores stores served at once; more get a plain-text 429
     * @param maxConcurrentReads reads served at once; more get a plain-text 429
     */
    public record Config(
            int port,
            long maxBodySize,
            int maxConcurrentStores,
            int maxConcurrentReads,
            int nShards,
            List<NodeEndpoint> committee,
            Duration nodeTimeout) {
        public static final long DEFAULT_MAX_BODY_SIZE = 10L * 1024 * 1024;

        public static Config defaults(int port, int nShards, List<NodeEndpoint> committee) {
            return new Config(port, DEFAULT_MAX_BODY_SIZE, 8, 256, nShards, committee, Duration.ofSeconds(30));
        }
    }

    private final Config config;
    private final PublisherChain chain;
    private final EncodingConfig encoding;
    private final NodeFanout nodes;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore stores;
    private final Semaphore reads;
    private final BlobEncoder encoder = new BlobEncoder();
    private final BlobDecoder decoder = new BlobDecoder();
    private final DecodedBlobCache cache = new DecodedBlobCache(128L << 20);

    private WalrusDaemon(Config config, PublisherChain chain) throws IOException {
        this.config = config;
        this.chain = chain;
        this.encoding = EncodingConfig.forShards(config.nShards());
        this.nodes = new NodeFanout(config.committee(), config.nShards(), config.nodeTimeout());
        this.stores = new Semaphore(config.maxConcurrentStores());
        this.reads = new Semaphore(config.maxConcurrentReads());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
        this.server.createContext("/", this::handle);
        this.server.setExecutor(executor);
    }

    public static WalrusDaemon start(Config config, PublisherChain chain) throws IOException {
        WalrusDaemon d = new WalrusDaemon(config, chain);
        d.server.start();
        return d;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    // ---- routing ----

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            if (path.equals("/status") && method.equals("GET")) {
                text(ex, 200, "OK");
            } else if (path.equals("/v1/blobs") && method.equals("PUT")) {
                limited(ex, stores, "publisher", () -> store(ex));
            } else if (path.equals("/v1/quilts") && method.equals("PUT")) {
                error(
                        ex,
                        DaemonResponses.error(
                                ApiStatusCode.INVALID_ARGUMENT,
                                "MALFORMED_REQUEST",
                                "quilts are not supported by the local network yet; store a blob with PUT /v1/blobs"));
            } else if (path.startsWith("/v1/blobs/by-object-id/") && method.equals("GET")) {
                String objectId = path.substring("/v1/blobs/by-object-id/".length());
                limited(ex, reads, "aggregator", () -> readByObjectId(ex, objectId));
            } else if (path.startsWith("/v1/blobs/") && path.endsWith("/byte-range") && method.equals("GET")) {
                String id = path.substring("/v1/blobs/".length(), path.length() - "/byte-range".length());
                limited(ex, reads, "aggregator", () -> readByteRange(ex, id));
            } else if (path.startsWith("/v1/blobs/")
                    && path.indexOf('/', "/v1/blobs/".length()) < 0
                    && method.equals("GET")) {
                String id = path.substring("/v1/blobs/".length());
                limited(ex, reads, "aggregator", () -> read(ex, id));
            } else {
                error(
                        ex,
                        DaemonResponses.error(ApiStatusCode.NOT_FOUND, "NOT_FOUND", "no route " + method + " " + path));
            }
        } catch (RuntimeException e) {
            LOG.warn("daemon request failed", e);
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    /** Runs work under a concurrency limit; past it, answers the plain-text 429 real daemons send. */
    private void limited(HttpExchange ex, Semaphore permits, String role, Work work) throws IOException {
        if (!permits.tryAcquire()) {
            text(ex, 429, "the " + role + " is receiving too many requests; please try again later");
            return;
        }
        try {
            work.run();
        } finally {
            permits.release();
        }
    }

    // ---- store ----

    private void store(HttpExchange ex) throws IOException {
        Map<String, String> query;
        try {
            query = parseQuery(ex.getRequestURI().getRawQuery(), STORE_PARAMS);
        } catch (IllegalArgumentException e) {
            text(ex, 400, e.getMessage());
            return;
        }
        StoreRequest req;
        try {
            req = StoreRequest.parse(query, chain.maxEpochsAhead());
        } catch (StoreRequest.InvalidStoreRequest e) {
            error(ex, DaemonResponses.error(ApiStatusCode.INVALID_ARGUMENT, e.reason(), e.getMessage()));
            return;
        }
        byte[] body = readBody(ex, config.maxBodySize());
        if (body == null) {
            text(ex, 413, "length limit exceeded");
            return;
        }
        EncodedBlob encoded;
        try {
            encoded = encoder.encode(body, config.nShards());
        } catch (BlobTooLargeException e) {
            error(ex, DaemonResponses.error(ApiStatusCode.SIZE_EXCEEDED, "BLOB_TOO_LARGE", e.getMessage()));
            return;
        }
        BlobId id = encoded.blobId();
        long wantedEnd = chain.currentEpoch() + req.epochs();
        if (!req.force()) {
            Optional<ChainBlob> existing = chain.certifiedBlob(id);
            if (existing.isPresent() && existing.get().endEpoch() >= wantedEnd) {
                json(ex, 200, DaemonResponses.alreadyCertified(existing.get()));
                return;
            }
        }
        long encodedLength = encoding.encodedLength(body.length);
        try {
            ChainBlob registered =
                    chain.register(id, encoded.rootHash(), body.length, encodedLength, req.epochs(), !req.permanent());
            BlobPersistenceType persistence = registered.deletable()
                    ? BlobPersistenceType.deletable(BlobPersistenceType.parseObjectId(registered.objectId()))
                    : BlobPersistenceType.permanent();
            List<NodeFanout.Confirmation> confirmations = nodes.store(encoded, persistence);
            int weight = confirmations.stream()
                    .mapToInt(NodeFanout.Confirmation::weight)
                    .sum();
            int f = encoding.maxFaultyShards();
            if (weight <= 2 * f) {
                error(
                        ex,
                        DaemonResponses.error(
                                ApiStatusCode.DEADLINE_EXCEEDED,
                                "INSUFFICIENT_CONFIRMATIONS",
                                "only " + weight + " of " + config.nShards() + " shards confirmed blob " + id
                                        + "; more than " + 2 * f + " are needed"));
                return;
            }
            ChainBlob certified = chain.certify(
                    registered.objectId(),
                    confirmations.stream().map(NodeFanout.Confirmation::signed).toList());
            if (req.sendObjectTo() != null) {
                chain.transfer(certified.objectId(), req.sendObjectTo());
            }
            json(ex, 200, DaemonResponses.newlyCreated(certified, encodedLength, req.epochs(), registered.cost()));
        } catch (ChainException e) {
            error(ex, DaemonResponses.error(ApiStatusCode.INTERNAL, "CHAIN_ERROR", e.getMessage()));
        }
    }

    // ---- reads ----

    private void read(HttpExchange ex, String rawId) throws IOException {
        Optional<BlobId> id = blobId(ex, rawId);
        if (id.isEmpty() || !readQueryOk(ex)) {
            return;
        }
        byte[] data = load(ex, id.get());
        if (data == null) {
            return;
        }
        readHeaders(ex, id.get().toString());
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range == null) {
            send(ex, 200, data);
            return;
        }
        long[] r = parseRange(range, data.length);
        if (r == null) {
            error(
                    ex,
                    DaemonResponses.error(
                            ApiStatusCode.RANGE_NOT_SATISFIABLE,
                            "INVALID_BYTE_RANGE",
                            "the range '" + range + "' cannot be served from " + data.length + " bytes"));
            return;
        }
        ex.getResponseHeaders().set("Content-Range", "bytes " + r[0] + "-" + r[1] + "/" + data.length);
        send(ex, 206, Arrays.copyOfRange(data, (int) r[0], (int) r[1] + 1));
    }

    private void readByteRange(HttpExchange ex, String rawId) throws IOException {
        Optional<BlobId> id = blobId(ex, rawId);
        if (id.isEmpty()) {
            return;
        }
        Map<String, String> q;
        long start;
        long length;
        try {
            q = parseQuery(ex.getRequestURI().getRawQuery(), List.of("start", "length"));
            start = Long.parseLong(q.getOrDefault("start", ""));
            length = Long.parseLong(q.getOrDefault("length", ""));
        } catch (IllegalArgumentException e) {
            text(ex, 400, "Failed to deserialize query string: " + e.getMessage());
            return;
        }
        if (start < 0 || length <= 0 || start + length < start) {
            error(
                    ex,
                    DaemonResponses.error(
                            ApiStatusCode.INVALID_ARGUMENT,
                            "INVALID_BYTE_RANGE",
                            "start and length must describe bytes"));
            return;
        }
        byte[] data = load(ex, id.get());
        if (data == null) {
            return;
        }
        if (start + length > data.length) {
            error(
                    ex,
                    DaemonResponses.error(
                            ApiStatusCode.RANGE_NOT_SATISFIABLE,
                            "INVALID_BYTE_RANGE",
                            "bytes " + start + "+" + length + " are beyond the blob's " + data.length + " bytes"));
            return;
        }
        readHeaders(ex, id.get() + "-" + start + "-" + length);
        send(ex, 200, Arrays.copyOfRange(data, (int) start, (int) (start + length)));
    }

    private void readByObjectId(HttpExchange ex, String objectId) throws IOException {
        Optional<ChainBlob> blob;
        try {
            blob = chain.blobObject(objectId);
        } catch (IllegalArgumentException e) {
            text(ex, 400, "Invalid URL: " + e.getMessage());
            return;
        }
        if (blob.isEmpty()) {
            error(ex, DaemonResponses.error(ApiStatusCode.NOT_FOUND, "BLOB_NOT_FOUND", "no Blob object " + objectId));
            return;
        }
        byte[] data = load(ex, blob.get().blobId());
        if (data == null) {
            return;
        }
        readHeaders(ex, blob.get().blobId().toString());
        for (Map.Entry<String, String> a : blob.get().attributes().entrySet()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            if (ALLOWED_HEADERS.contains(key) && !ex.getResponseHeaders().containsKey(key)) {
                ex.getResponseHeaders().set(key, a.getValue());
            }
        }
        send(ex, 200, data);
    }

    /** Reads and decodes a blob, answering 404 or 503 itself and returning null when it cannot. */
    private byte @Nullable [] load(HttpExchange ex, BlobId id) throws IOException {
        if (!chain.isLive(id)) {
            cache.remove(id);
            error(
                    ex,
                    DaemonResponses.error(
                            ApiStatusCode.NOT_FOUND,
                            "BLOB_NOT_FOUND",
                            "the blob " + id + " is not stored (or has expired)"));
            return null;
        }
        byte[] cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        Optional<BlobMetadata> metadata = nodes.readMetadata(id);
        if (metadata.isEmpty()) {
            unavailable(ex, id, "no storage node returned its metadata");
            return null;
        }
        int needed = encoding.primarySourceSymbols();
        List<Sliver> slivers = nodes.readPrimarySlivers(id, metadata.get(), needed);
        if (slivers.size() < needed) {
            unavailable(
                    ex, id, "only " + slivers.size() + " of the " + needed + " primary slivers needed could be read");
            return null;
        }
        try {
            byte[] data = decoder.decode(metadata.get(), slivers);
            cache.put(id, data);
            return data;
        } catch (InconsistentBlobException e) {
            unavailable(ex, id, "the slivers do not decode consistently: " + e.getMessage());
            return null;
        }
    }

    private void unavailable(HttpExchange ex, BlobId id, String why) throws IOException {
        error(
                ex,
                DaemonResponses.error(
                        ApiStatusCode.UNAVAILABLE,
                        "BLOB_UNAVAILABLE",
                        "the blob " + id + " cannot be read right now: " + why));
    }

    private Optional<BlobId> blobId(HttpExchange ex, String raw) throws IOException {
        try {
            return Optional.of(BlobId.parse(raw));
        } catch (IllegalArgumentException e) {
            text(ex, 400, "Invalid URL: cannot parse `" + raw + "` as a blob ID");
            return Optional.empty();
        }
    }

    private boolean readQueryOk(HttpExchange ex) throws IOException {
        Map<String, String> q;
        try {
            q = parseQuery(ex.getRequestURI().getRawQuery(), List.copyOf(READ_PARAMS));
        } catch (IllegalArgumentException e) {
            text(ex, 400, e.getMessage());
            return false;
        }
        if ("true".equals(q.get("strict_consistency_check")) && "true".equals(q.get("skip_consistency_check"))) {
            error(
                    ex,
                    DaemonResponses.error(
                            ApiStatusCode.INVALID_ARGUMENT,
                            "INVALID_CONSISTENCY_CHECK",
                            "strict_consistency_check and skip_consistency_check cannot both be set"));
            return false;
        }
        return true;
    }

    private static void readHeaders(HttpExchange ex, String etag) {
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "public, max-age=86400, stale-while-revalidate=3600");
        ex.getResponseHeaders().set("ETag", etag);
        String accept = ex.getRequestHeaders().getFirst("Accept");
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        if (accept != null && !accept.contains("*")) {
            ex.getResponseHeaders().set("Content-Type", accept);
        } else if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
    }

    /** Parses {@code bytes=start-end} (one closed range, as Walrus supports); null if unsupported. */
    static long @Nullable [] parseRange(String header, long size) {
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.contains(",")) {
            return null;
        }
        String[] parts = h.substring(6).split("-", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        try {
            long start = Long.parseLong(parts[0].trim());
            long end = Long.parseLong(parts[1].trim());
            if (start < 0 || end < start || start >= size) {
                return null;
            }
            return new long[] {start, Math.min(end, size - 1)};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- plumbing ----

    /** Parses a query string, refusing unknown parameters with axum's message (Walrus denies unknown fields). */
    static Map<String, String> parseQuery(@Nullable String raw, List<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("Failed to deserialize query string: unknown field `" + key
                        + "`, expected one of "
                        + String.join(
                                ", ", allowed.stream().map(a -> "`" + a + "`").toList()));
            }
            out.put(key, value);
        }
        return out;
    }

    /** Reads the body, or returns null when it is larger than the limit. */
    private static byte @Nullable [] readBody(HttpExchange ex, long limit) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    return null;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static void error(HttpExchange ex, ApiError error) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        send(ex, error.httpCode(), error.toBytes());
    }

    private static void json(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        send(ex, status, body);
    }

    private static void text(HttpExchange ex, int status, String body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(ex, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        nodes.close();
    }
}
