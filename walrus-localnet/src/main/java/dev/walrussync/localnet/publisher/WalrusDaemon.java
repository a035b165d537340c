package dev.walrussync.localnet.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.walrussync.walrus.quilt.QuiltException;
import dev.walrussync.walrus.quilt.QuiltPatch;
import dev.walrussync.walrus.quilt.QuiltPatchId;
import dev.walrussync.walrus.quilt.QuiltStoreBlob;
import dev.walrussync.walrus.quilt.QuiltV1;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * The Walrus daemon: publisher and aggregator on one loopback port, serving the routes, query parameters, JSON
 * shapes, headers, limits and errors of protocol.md §1, blobs and quilts alike.
 */
public final class WalrusDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalrusDaemon.class);
    /** How often a store collects confirmations and certifies when epoch changes keep outdating them. */
    private static final int EPOCH_CHANGE_ATTEMPTS = 3;

    /** Query parameters {@code PUT /v1/blobs} and {@code PUT /v1/quilts} accept (Walrus's {@code PublisherQuery}). */
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

    /** Query parameters of the blob reads (Walrus's {@code ReadOptions}). */
    private static final List<String> READ_PARAMS = List.of("strict_consistency_check", "skip_consistency_check");

    /** Attribute keys that by-object-id and quilt reads copy into response headers (Walrus's default list). */
    private static final Set<String> ALLOWED_HEADERS = Set.of(
            "content-type",
            "authorization",
            "content-disposition",
            "content-encoding",
            "content-language",
            "content-location",
            "link");

    /** The attribute Walrus puts on a quilt's Blob object ({@code BLOB_TYPE_ATTRIBUTE_KEY = QUILT_TYPE_VALUE}). */
    static final String BLOB_TYPE_ATTRIBUTE = "_walrusBlobType";

    static final String QUILT_TYPE = "quilt";

    private static final String METADATA_FIELD = "_metadata";

    private static final String BLOB_NOT_FOUND_MESSAGE =
            "the requested blob ID does not exist on Walrus, ensure that it was entered correctly";

    /**
     * How the daemon runs.
     *
     * @param port 0 for an ephemeral port
     * @param maxBodySize the largest blob {@code PUT /v1/blobs} accepts (Walrus's default: 10 MiB)
     * @param maxQuiltBodySize the largest form {@code PUT /v1/quilts} accepts (Walrus's default: 100 MiB)
     * @param maxConcurrentStores stores served at once; more get a plain-text 429
     * @param maxConcurrentReads reads served at once; more get a plain-text 429
     */
    public record Config(
            int port,
            long maxBodySize,
            long maxQuiltBodySize,
            int maxConcurrentStores,
            int maxConcurrentReads,
            int nShards,
            List<NodeEndpoint> committee,
            Duration nodeTimeout) {
        public static final long DEFAULT_MAX_BODY_SIZE = 10L * 1024 * 1024;
        public static final long DEFAULT_MAX_QUILT_BODY_SIZE = 100L * 1024 * 1024;
        public static final int DEFAULT_MAX_CONCURRENT_STORES = 8;

        public static Config defaults(int port, int nShards, List<NodeEndpoint> committee) {
            return new Config(
                    port,
                    DEFAULT_MAX_BODY_SIZE,
                    DEFAULT_MAX_QUILT_BODY_SIZE,
                    DEFAULT_MAX_CONCURRENT_STORES,
                    256,
                    nShards,
                    committee,
                    Duration.ofSeconds(30));
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

    private static final String BLOBS = "/v1/blobs/";
    private static final String BY_OBJECT_ID = "/v1/blobs/by-object-id/";
    private static final String BY_QUILT_PATCH_ID = "/v1/blobs/by-quilt-patch-id/";
    private static final String BY_QUILT_ID = "/v1/blobs/by-quilt-id/";
    private static final String QUILTS = "/v1/quilts/";
    private static final String PATCHES = "/patches";
    private static final String BYTE_RANGE = "/byte-range";

    /** One route: the method it answers, and the work that answers it under a concurrency limit. */
    private record Route(String method, Semaphore permits, String role, Work work) {}

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            if (method.equals("OPTIONS") && ex.getRequestHeaders().containsKey("Access-Control-Request-Method")) {
                preflight(ex);
                return;
            }
            if (path.equals("/status")) {
                if (method.equals("GET")) {
                    text(ex, 200, "OK");
                } else {
                    methodNotAllowed(ex, "GET,HEAD");
                }
                return;
            }
            Route route = route(ex, path);
            if (route == null) {
                send(ex, 404, new byte[0]);
            } else if (!route.method().equals(method)) {
                methodNotAllowed(ex, route.method().equals("GET") ? "GET,HEAD" : route.method());
            } else {
                limited(ex, route.permits(), route.role(), route.work());
            }
        } catch (RuntimeException e) {
            LOG.warn("daemon request failed", e);
            if (ex.getResponseCode() == -1) {
                error(ex, DaemonResponses.internal());
            }
        }
    }

    /** The route of a path, as axum's router matches it (static segments first), or null if there is none. */
    private @Nullable Route route(HttpExchange ex, String path) {
        if (path.equals("/v1/blobs")) {
            return new Route("PUT", stores, "publisher", () -> store(ex));
        }
        if (path.equals("/v1/quilts")) {
            return new Route("PUT", stores, "publisher", () -> storeQuilt(ex));
        }
        if (isSegment(path, BY_OBJECT_ID)) {
            String objectId = path.substring(BY_OBJECT_ID.length());
            return reading(() -> readByObjectId(ex, objectId));
        }
        if (isSegment(path, BY_QUILT_PATCH_ID)) {
            String patchId = path.substring(BY_QUILT_PATCH_ID.length());
            return reading(() -> readQuiltPatch(ex, patchId));
        }
        if (path.startsWith(BY_QUILT_ID) && isQuiltIdAndIdentifier(path)) {
            int slash = path.indexOf('/', BY_QUILT_ID.length());
            String quiltId = path.substring(BY_QUILT_ID.length(), slash);
            String identifier = path.substring(slash + 1);
            return reading(() -> readQuiltPatchByIdentifier(ex, quiltId, identifier));
        }
        if (path.endsWith(PATCHES) && isSegment(path.substring(0, path.length() - PATCHES.length()), QUILTS)) {
            String quiltId = path.substring(QUILTS.length(), path.length() - PATCHES.length());
            return reading(() -> listQuiltPatches(ex, quiltId));
        }
        if (path.endsWith(BYTE_RANGE) && isSegment(path.substring(0, path.length() - BYTE_RANGE.length()), BLOBS)) {
            String id = path.substring(BLOBS.length(), path.length() - BYTE_RANGE.length());
            return reading(() -> readByteRange(ex, id));
        }
        if (isSegment(path, BLOBS)) {
            String id = path.substring(BLOBS.length());
            return reading(() -> read(ex, id));
        }
        return null;
    }

    private Route reading(Work work) {
        return new Route("GET", reads, "aggregator", work);
    }

    /** A CORS preflight, answered as {@code daemon_cors_layer} does: any origin, method and header, for 24 h. */
    private static void preflight(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Access-Control-Allow-Methods", "*");
        ex.getResponseHeaders().set("Access-Control-Allow-Headers", "*");
        ex.getResponseHeaders().set("Access-Control-Max-Age", "86400");
        send(ex, 200, new byte[0]);
    }

    /** axum's answer to a known path with another method: an empty 405 naming the allowed ones. */
    private static void methodNotAllowed(HttpExchange ex, String allow) throws IOException {
        ex.getResponseHeaders().set("Allow", allow);
        send(ex, 405, new byte[0]);
    }

    /** Whether {@code path} is {@code prefix} followed by exactly one non-empty path segment. */
    private static boolean isSegment(String path, String prefix) {
        return path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0;
    }

    /** Whether a by-quilt-id path has exactly two non-empty segments, the quilt ID and the identifier. */
    private static boolean isQuiltIdAndIdentifier(String path) {
        int slash = path.indexOf('/', BY_QUILT_ID.length());
        return slash > BY_QUILT_ID.length() && isSegment(path, path.substring(0, slash + 1));
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
        StoreRequest req = storeQuery(ex);
        if (req == null) {
            return;
        }
        byte[] body = readBody(ex, config.maxBodySize());
        if (body == null) {
            text(ex, 413, "Failed to buffer the request body: length limit exceeded");
            return;
        }
        if (!validate(ex, req)) {
            return;
        }
        EncodedBlob encoded;
        try {
            encoded = encoder.encode(body, config.nShards());
        } catch (BlobTooLargeException e) {
            error(ex, DaemonResponses.error(ApiStatusCode.SIZE_EXCEEDED, "BLOB_TOO_LARGE", e.getMessage()));
            return;
        }
        Stored stored = storeEncoded(encoded, body.length, req, Map.of());
        if (stored.error() != null) {
            error(ex, stored.error());
        } else {
            json(ex, 200, DaemonResponses.bytes(stored.result()));
        }
    }

    /**
     * {@code PUT /v1/quilts}: the form's file parts (field name = identifier) and optional {@code _metadata} tags
     * laid out as a QuiltV1, stored as one blob tagged {@code _walrusBlobType=quilt}.
     */
    private void storeQuilt(HttpExchange ex) throws IOException {
        StoreRequest req = storeQuery(ex);
        if (req == null) {
            return;
        }
        String boundary;
        try {
            boundary = MultipartForm.boundary(ex.getRequestHeaders().getFirst("Content-Type"));
        } catch (MultipartForm.InvalidBoundary e) {
            text(ex, 400, e.getMessage());
            return;
        }
        byte[] body = readBody(ex, config.maxQuiltBodySize());
        if (body == null) {
            // Walrus reads the form through the body limit and turns every multipart error, this one included,
            // into MALFORMED_REQUEST (put_quilt maps parse_multipart_quilt's anyhow error), not axum's 413.
            error(
                    ex,
                    DaemonResponses.error(
                            ApiStatusCode.INVALID_ARGUMENT,
                            "MALFORMED_REQUEST",
                            "the request is malformed: failed to parse multipart form: length limit exceeded"));
            return;
        }
        List<QuiltStoreBlob> blobs;
        try {
            blobs = quiltBlobs(MultipartForm.parse(body, boundary));
        } catch (MultipartForm.MalformedForm | IllegalArgumentException e) {
            error(
                    ex,
                    DaemonResponses.error(
                            ApiStatusCode.INVALID_ARGUMENT,
                            "MALFORMED_REQUEST",
                            "the request is malformed: failed to parse multipart form: " + e.getMessage()));
            return;
        }
        if (blobs.isEmpty()) {
            error(
                    ex,
                    DaemonResponses.error(
                            ApiStatusCode.INVALID_ARGUMENT,
                            "MALFORMED_REQUEST",
                            "the request is malformed: no files provided in multipart form"));
            return;
        }
        if (!validate(ex, req)) {
            return;
        }
        QuiltV1 quilt;
        EncodedBlob encoded;
        try {
            quilt = QuiltV1.encode(blobs, encoding);
            encoded = encoder.encode(quilt.data(), config.nShards());
        } catch (QuiltException | BlobTooLargeException e) {
            error(
                    ex,
                    DaemonResponses.error(
                            ApiStatusCode.INVALID_ARGUMENT,
                            "MALFORMED_REQUEST",
                            "the request is malformed: failed to construct quilt: " + e.getMessage()));
            return;
        }
        Stored stored = storeEncoded(encoded, quilt.data().length, req, Map.of(BLOB_TYPE_ATTRIBUTE, QUILT_TYPE));
        if (stored.error() != null) {
            error(ex, stored.error());
            return;
        }
        ObjectNode result = DaemonResponses.quiltStoreResult(stored.result(), encoded.blobId(), quilt.patches());
        json(ex, 200, DaemonResponses.bytes(result));
    }

    /** The files of a quilt form, with their tags from the {@code _metadata} parts ({@code parse_multipart_quilt}). */
    private static List<QuiltStoreBlob> quiltBlobs(List<MultipartForm.Part> parts) throws MultipartForm.MalformedForm {
        List<MultipartForm.Part> files = new ArrayList<>();
        Map<String, Map<String, String>> tags = new HashMap<>();
        for (MultipartForm.Part part : parts) {
            if (!part.name().equals(METADATA_FIELD)) {
                files.add(part);
                continue;
            }
            JsonNode entries;
            try {
                entries = DaemonResponses.JSON.readTree(StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(part.data()))
                        .toString());
            } catch (IOException e) {
                throw new MultipartForm.MalformedForm(
                        "_metadata is not a JSON array of {identifier, tags}: " + e.getMessage());
            }
            if (entries == null || !entries.isArray()) {
                throw new MultipartForm.MalformedForm("_metadata is not a JSON array of {identifier, tags}");
            }
            for (JsonNode entry : entries) {
                JsonNode identifier = entry.get("identifier");
                JsonNode entryTags = entry.get("tags");
                if (!entry.isObject()
                        || identifier == null
                        || !identifier.isTextual()
                        || (entryTags != null && !entryTags.isObject())) {
                    throw new MultipartForm.MalformedForm(
                            "_metadata entries are {\"identifier\": string, \"tags\"?: object}, got " + entry);
                }
                Map<String, String> map = new LinkedHashMap<>();
                if (entryTags != null) {
                    entryTags
                            .properties()
                            .forEach(e -> map.put(
                                    e.getKey(),
                                    e.getValue().isTextual()
                                            ? e.getValue().asText()
                                            : e.getValue().toString()));
                }
                if (tags.put(identifier.asText(), map) != null) {
                    throw new MultipartForm.MalformedForm(
                            "duplicate identifiers found in _metadata: " + identifier.asText());
                }
            }
        }
        List<QuiltStoreBlob> blobs = new ArrayList<>();
        for (MultipartForm.Part file : files) {
            blobs.add(new QuiltStoreBlob(file.name(), file.data(), tags.getOrDefault(file.name(), Map.of())));
        }
        return blobs;
    }

    /** Deserializes the store query; answers axum's plain-text 400 itself and returns null when it cannot. */
    private @Nullable StoreRequest storeQuery(HttpExchange ex) throws IOException {
        try {
            return StoreRequest.parse(parseQuery(ex.getRequestURI().getRawQuery(), STORE_PARAMS));
        } catch (StoreRequest.MalformedQuery e) {
            text(ex, 400, e.getMessage());
            return null;
        }
    }

    private boolean validate(HttpExchange ex, StoreRequest req) throws IOException {
        try {
            req.validate(chain.maxEpochsAhead());
            return true;
        } catch (StoreRequest.InvalidStoreRequest e) {
            error(ex, DaemonResponses.error(ApiStatusCode.INVALID_ARGUMENT, e.reason(), e.getMessage()));
            return false;
        }
    }

    /** A {@code BlobStoreResult}, or the error to answer instead. */
    private record Stored(
            @Nullable ObjectNode result, @Nullable ApiError error) {}

    /**
     * Stores an encoded blob as the publisher does: {@code alreadyCertified} with the certifying event if a
     * certified permanent blob lives long enough (unless {@code force}), or with the object if {@code
     * reuse_resources} finds a certified blob the publisher owns; otherwise registers, fans the slivers out,
     * collects a quorum, sets the attributes, certifies and transfers. When the epoch changes between the
     * nodes' confirmations and the certification, the confirmations are collected again in the new epoch and the
     * same registration is certified: its end epoch stays the registration epoch plus {@code epochs}.
     */
    private Stored storeEncoded(EncodedBlob encoded, long size, StoreRequest req, Map<String, String> attributes) {
        BlobId id = encoded.blobId();
        long wantedEnd = chain.currentEpoch() + req.epochs();
        if (!req.force()) {
            Optional<ChainBlob> permanent = chain.certifiedPermanentBlob(id);
            if (permanent.isPresent()
                    && permanent.get().endEpoch() >= wantedEnd
                    && permanent.get().certifiedEvent().isPresent()) {
                return new Stored(DaemonResponses.alreadyCertified(permanent.get(), false), null);
            }
        }
        if (req.reuseResources()) {
            Optional<ChainBlob> owned = chain.ownedCertifiedBlob(id, !req.permanent());
            if (owned.isPresent() && owned.get().endEpoch() >= wantedEnd) {
                return new Stored(DaemonResponses.alreadyCertified(owned.get(), true), null);
            }
        }
        long encodedLength = encoding.encodedLength(size);
        try {
            ChainBlob registered =
                    chain.register(id, encoded.rootHash(), size, encodedLength, (int) req.epochs(), !req.permanent());
            BlobPersistenceType persistence = registered.deletable()
                    ? BlobPersistenceType.deletable(BlobPersistenceType.parseObjectId(registered.objectId()))
                    : BlobPersistenceType.permanent();
            ChainBlob certified = null;
            for (int attempt = 1; certified == null; attempt++) {
                long signedIn = chain.currentEpoch();
                List<NodeFanout.Confirmation> confirmations = nodes.store(encoded, persistence);
                int weight = confirmations.stream()
                        .mapToInt(NodeFanout.Confirmation::weight)
                        .sum();
                int f = encoding.maxFaultyShards();
                if (weight <= 2 * f) {
                    return new Stored(
                            null,
                            DaemonResponses.error(
                                    ApiStatusCode.DEADLINE_EXCEEDED,
                                    "INSUFFICIENT_CONFIRMATIONS",
                                    "the service timed-out while waiting for confirmations, please try again (only "
                                            + weight + " of " + config.nShards() + " shards confirmed blob " + id
                                            + "; more than " + 2 * f + " are needed)"));
                }
                if (attempt == 1) { // later attempts only replace outdated confirmations
                    for (Map.Entry<String, String> a : attributes.entrySet()) {
                        chain.setAttribute(registered.objectId(), a.getKey(), a.getValue());
                    }
                }
                try {
                    certified = chain.certify(
                            registered.objectId(),
                            confirmations.stream()
                                    .map(NodeFanout.Confirmation::signed)
                                    .toList());
                } catch (ChainException e) {
                    // certify_blob takes only a certificate of the current epoch: when the epoch changed after the
                    // nodes signed, Walrus's client collects the confirmations again and certifies the same
                    // registration (retry_if_error_epoch_change); so does this publisher, a few times.
                    long now = chain.currentEpoch();
                    if (now == signedIn || attempt == EPOCH_CHANGE_ATTEMPTS) {
                        throw e;
                    }
                    LOG.info(
                            "the epoch changed from {} to {} while blob {} was stored; collecting its confirmations"
                                    + " again",
                            signedIn,
                            now,
                            id);
                }
            }
            if (req.sendObjectTo() != null) {
                chain.transfer(certified.objectId(), req.sendObjectTo());
            }
            return new Stored(
                    DaemonResponses.newlyCreated(certified, encodedLength, req.epochs(), registered.cost()), null);
        } catch (ChainException e) {
            LOG.warn("storing blob {} failed on chain: {}", id, e.getMessage());
            return new Stored(null, DaemonResponses.internal());
        }
    }

    // ---- reads ----

    private void read(HttpExchange ex, String rawId) throws IOException {
        Optional<BlobId> id = blobId(ex, rawId);
        if (id.isEmpty() || !readQueryOk(ex)) {
            return;
        }
        serveBlob(ex, id.get(), Map.of());
    }

    /**
     * {@code get_blob}: the whole blob (200), or one {@code Range: bytes=a-b} of it (206 with {@code
     * Content-Range}), with the read headers; {@code attributes} become headers on success (by-object-id reads).
     */
    private void serveBlob(HttpExchange ex, BlobId id, Map<String, String> attributes) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        long[] r = null;
        if (range != null) {
            r = parseRange(range);
            if (r == null) {
                invalidRange(
                        ex,
                        "invalid byte range parameters: the range '" + range.trim()
                                + "' is not one closed range bytes=start-end with start <= end");
                return;
            }
        }
        byte[] data = load(ex, id);
        if (data == null) {
            return;
        }
        if (r != null && r[1] >= data.length) {
            invalidRange(
                    ex,
                    "invalid byte range parameters: byte range out of bounds: requested " + r[0] + "-" + (r[1] + 1)
                            + ", blob size is " + data.length);
            return;
        }
        readHeaders(ex, id.toString());
        attributeHeaders(ex, attributes, true);
        if (r == null) {
            send(ex, 200, data);
        } else {
            ex.getResponseHeaders().set("Content-Range", "bytes " + r[0] + "-" + r[1] + "/" + data.length);
            send(ex, 206, Arrays.copyOfRange(data, (int) r[0], (int) r[1] + 1));
        }
    }

    private static void invalidRange(HttpExchange ex, String message) throws IOException {
        error(ex, DaemonResponses.error(ApiStatusCode.RANGE_NOT_SATISFIABLE, "INVALID_BYTE_RANGE", message));
    }

    private void readByteRange(HttpExchange ex, String rawId) throws IOException {
        Optional<BlobId> id = blobId(ex, rawId);
        if (id.isEmpty()) {
            return;
        }
        long start;
        long length;
        try {
            Map<String, String> q = parseQuery(ex.getRequestURI().getRawQuery(), List.of("start", "length"));
            start = u64(q, "start");
            length = u64(q, "length");
        } catch (StoreRequest.MalformedQuery e) {
            text(ex, 400, e.getMessage());
            return;
        }
        if (length == 0) {
            badByteRange(ex, "length must be greater than 0");
            return;
        }
        if (Long.compareUnsigned(start + length, start) < 0) {
            badByteRange(ex, "start + length overflows");
            return;
        }
        byte[] data = load(ex, id.get());
        if (data == null) {
            return;
        }
        if (Long.compareUnsigned(start + length, data.length) > 0) {
            badByteRange(
                    ex,
                    "byte range out of bounds: requested " + Long.toUnsignedString(start) + "-"
                            + Long.toUnsignedString(start + length) + ", blob size is " + data.length);
            return;
        }
        readHeaders(ex, id.get() + "-" + Long.toUnsignedString(start) + "-" + Long.toUnsignedString(length));
        send(ex, 200, Arrays.copyOfRange(data, (int) start, (int) (start + length)));
    }

    /** {@code ByteRangeReadError::InvalidByteRange}: a 400 here, unlike the 416 of a bad {@code Range} header. */
    private static void badByteRange(HttpExchange ex, String message) throws IOException {
        error(
                ex,
                DaemonResponses.error(
                        ApiStatusCode.INVALID_ARGUMENT,
                        "INVALID_BYTE_RANGE",
                        "invalid byte range parameters: " + message));
    }

    private static long u64(Map<String, String> q, String key) throws StoreRequest.MalformedQuery {
        String v = q.get(key);
        if (v == null) {
            throw new StoreRequest.MalformedQuery("missing field `" + key + "`");
        }
        try {
            return Long.parseUnsignedLong(v);
        } catch (NumberFormatException e) {
            throw new StoreRequest.MalformedQuery(key + ": invalid digit found in string");
        }
    }

    private void readByObjectId(HttpExchange ex, String objectId) throws IOException {
        Optional<ChainBlob> blob;
        try {
            blob = chain.blobObject(objectId);
        } catch (IllegalArgumentException e) {
            text(ex, 400, "Invalid URL: " + e.getMessage());
            return;
        }
        if (!readQueryOk(ex)) {
            return;
        }
        if (blob.isEmpty()) {
            error(ex, DaemonResponses.error(ApiStatusCode.NOT_FOUND, "BLOB_NOT_FOUND", BLOB_NOT_FOUND_MESSAGE));
            return;
        }
        serveBlob(ex, blob.get().blobId(), blob.get().attributes());
    }

    // ---- quilt reads ----

    private void readQuiltPatch(HttpExchange ex, String rawPatchId) throws IOException {
        QuiltPatchId patchId;
        try {
            patchId = QuiltPatchId.parse(rawPatchId);
        } catch (IllegalArgumentException e) {
            text(ex, 400, "Invalid URL: cannot parse `" + rawPatchId + "` as a quilt patch ID");
            return;
        }
        QuiltV1 quilt = loadQuilt(ex, patchId.quiltId());
        if (quilt == null) {
            return;
        }
        Optional<QuiltPatch> patch = quilt.patch(patchId.startIndex(), patchId.endIndex());
        if (patch.isEmpty()) {
            quiltPatchNotFound(ex);
            return;
        }
        servePatch(ex, quilt, patch.get(), patchId.quiltId());
    }

    private void readQuiltPatchByIdentifier(HttpExchange ex, String rawQuiltId, String rawIdentifier)
            throws IOException {
        Optional<BlobId> quiltId = blobId(ex, rawQuiltId);
        if (quiltId.isEmpty()) {
            return;
        }
        String identifier;
        try {
            identifier = percentDecode(rawIdentifier);
        } catch (IllegalArgumentException e) {
            text(ex, 400, "Invalid URL: " + e.getMessage());
            return;
        }
        QuiltV1 quilt = loadQuilt(ex, quiltId.get());
        if (quilt == null) {
            return;
        }
        Optional<QuiltPatch> patch = quilt.patch(identifier);
        if (patch.isEmpty()) {
            quiltPatchNotFound(ex);
            return;
        }
        servePatch(ex, quilt, patch.get(), quiltId.get());
    }

    private void listQuiltPatches(HttpExchange ex, String rawQuiltId) throws IOException {
        Optional<BlobId> quiltId = blobId(ex, rawQuiltId);
        if (quiltId.isEmpty()) {
            return;
        }
        QuiltV1 quilt = loadQuilt(ex, quiltId.get());
        if (quilt == null) {
            return;
        }
        json(ex, 200, DaemonResponses.bytes(DaemonResponses.quiltPatches(quiltId.get(), quilt.patches())));
    }

    /**
     * {@code build_quilt_patch_response}: the patch's bytes, the read headers with the quilt ID as ETag, allowed
     * tags as headers, and {@code X-Quilt-Patch-Identifier}.
     */
    private static void servePatch(HttpExchange ex, QuiltV1 quilt, QuiltPatch patch, BlobId quiltId)
            throws IOException {
        QuiltStoreBlob blob;
        try {
            blob = quilt.read(patch);
        } catch (QuiltException e) {
            LOG.warn("quilt {} has a broken patch {}: {}", quiltId, patch.identifier(), e.getMessage());
            error(ex, DaemonResponses.internal());
            return;
        }
        readHeaders(ex, quiltId.toString());
        attributeHeaders(ex, blob.tags(), true);
        String identifier = headerValue(blob.identifier());
        if (identifier != null) {
            ex.getResponseHeaders().set("X-Quilt-Patch-Identifier", identifier);
        }
        send(ex, 200, blob.data());
    }

    private static void quiltPatchNotFound(HttpExchange ex) throws IOException {
        error(
                ex,
                DaemonResponses.error(
                        ApiStatusCode.NOT_FOUND,
                        "QUILT_PATCH_NOT_FOUND",
                        "the requested quilt patch does not exist on Walrus"));
    }

    /** Reads a blob and its quilt index, answering errors itself and returning null when it cannot. */
    private @Nullable QuiltV1 loadQuilt(HttpExchange ex, BlobId quiltId) throws IOException {
        byte[] data = load(ex, quiltId);
        if (data == null) {
            return null;
        }
        try {
            return QuiltV1.parse(data, encoding);
        } catch (QuiltException e) {
            LOG.info("blob {} is not a quilt: {}", quiltId, e.getMessage());
            error(ex, DaemonResponses.internal());
            return null;
        }
    }

    // ---- blob loading ----

    /** Reads and decodes a blob, answering 404 or 503 itself and returning null when it cannot. */
    private byte @Nullable [] load(HttpExchange ex, BlobId id) throws IOException {
        if (!chain.isLive(id)) {
            cache.remove(id);
            error(ex, DaemonResponses.error(ApiStatusCode.NOT_FOUND, "BLOB_NOT_FOUND", BLOB_NOT_FOUND_MESSAGE));
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

    /** Checks {@code ReadOptions}: plain-text 400 if it does not deserialize, AIP-193 400 if both flags are set. */
    private boolean readQueryOk(HttpExchange ex) throws IOException {
        boolean strict;
        boolean skip;
        try {
            Map<String, String> q = parseQuery(ex.getRequestURI().getRawQuery(), READ_PARAMS);
            strict = readFlag(q, "strict_consistency_check");
            skip = readFlag(q, "skip_consistency_check");
        } catch (StoreRequest.MalformedQuery e) {
            text(ex, 400, e.getMessage());
            return false;
        }
        if (strict && skip) {
            error(
                    ex,
                    DaemonResponses.error(
                            ApiStatusCode.INVALID_ARGUMENT,
                            "INVALID_CONSISTENCY_CHECK",
                            "cannot set both strict and skip consistency check options"));
            return false;
        }
        return true;
    }

    private static boolean readFlag(Map<String, String> q, String key) throws StoreRequest.MalformedQuery {
        String v = q.get(key);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new StoreRequest.MalformedQuery(key + ": provided string was not `true` or `false`");
    }

    /** {@code populate_response_headers_from_request}. */
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

    /**
     * {@code populate_response_headers_from_attributes}: each attribute whose key is a valid header name (and, if
     * {@code onlyAllowed}, on the allowed list) and whose value is a valid header value becomes a header, without
     * overwriting one already set.
     */
    private static void attributeHeaders(HttpExchange ex, Map<String, String> attributes, boolean onlyAllowed) {
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            String value = headerValue(a.getValue());
            if (key.isEmpty()
                    || !isToken(key)
                    || value == null
                    || ex.getResponseHeaders().containsKey(key)) {
                continue;
            }
            if (!onlyAllowed || ALLOWED_HEADERS.contains(key)) {
                ex.getResponseHeaders().set(key, value);
            }
        }
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A header value as the {@code http} crate accepts it (visible ASCII, space, tab, and the bytes of non-ASCII
     * UTF-8), as the chars the JDK server writes byte by byte; null if it is not one.
     */
    private static @Nullable String headerValue(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            int c = b & 0xFF;
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return null;
            }
        }
        return new String(utf8, StandardCharsets.ISO_8859_1);
    }

    /**
     * Parses {@code bytes=start-end} (one closed range with {@code start <= end}, as Walrus supports); null if
     * unsupported. Whether it fits the blob is checked once its size is known.
     */
    static long @Nullable [] parseRange(String header) {
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.contains(",")) {
            return null;
        }
        String[] parts = h.substring(6).split("-", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            return null;
        }
        try {
            long start = Long.parseLong(parts[0].trim());
            long end = Long.parseLong(parts[1].trim());
            if (start < 0 || end < start) {
                return null;
            }
            return new long[] {start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- plumbing ----

    /**
     * Parses a query string as serde_urlencoded does for a struct with {@code deny_unknown_fields}: unknown or
     * repeated parameters fail with axum's message.
     */
    static Map<String, String> parseQuery(@Nullable String raw, List<String> allowed)
            throws StoreRequest.MalformedQuery {
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
                throw new StoreRequest.MalformedQuery("unknown field `" + key + "`, expected one of "
                        + String.join(
                                ", ", allowed.stream().map(a -> "`" + a + "`").toList()));
            }
            if (out.put(key, value) != null) {
                throw new StoreRequest.MalformedQuery("duplicate field `" + key + "`");
            }
        }
        return out;
    }

    /** Decodes {@code %XX} escapes of a path segment as UTF-8 ({@code +} stays a plus). */
    static String percentDecode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
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
