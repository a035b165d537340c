package dev.walrussync.walrus.publisher;

import dev.walrussync.walrus.encoding.BlobEncoder;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.http.BadResponseException;
import dev.walrussync.walrus.http.BandwidthLimiter;
import dev.walrussync.walrus.http.HttpTransport;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.http.WalrusApiException;
import dev.walrussync.walrus.http.WalrusException;
import dev.walrussync.walrus.network.WalrusNetwork;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores blobs through a Walrus publisher ({@code PUT /v1/blobs}), with retries on 429, 503, 504 and
 * network errors, an optional JWT bearer token, and failover across publishers. Every answer is
 * checked: the blob ID in the response must be the one the client computes from the bytes, and a
 * newly created blob object must have their size.
 *
 * <p>The query is {@code epochs=N}, then {@code send_object_to=0x…} if set, then {@code
 * permanent=true} for a non-deletable blob. The deprecated {@code deletable} parameter is never sent:
 * blobs are deletable by default.
 *
 * <p>Each publisher is tried in the network's order. A retryable failure (429, 503, 504, network
 * error) is retried there per the {@link RetryPolicy}; when it persists, the next publisher is tried.
 * Any other error (400, 401, 403, 451, 500, …) is final and not failed over, since another publisher
 * would refuse the same request. A 413, or a blob larger than {@link WalrusNetwork#maxBlobSize()} or
 * than Walrus can encode for the shard count ({@link EncodingConfig#maxBlobSize()}, only about 1.8 MB
 * for 10 shards), is a {@link PayloadTooLargeException}, sent to no publisher or neither retried nor
 * failed over.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PublisherClient {
    private static final Logger LOG = LoggerFactory.getLogger(PublisherClient.class);
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private final WalrusNetwork network;
    private final int nShards;
    private final long maxEncodableSize;
    private final HttpTransport transport;
    private final BlobEncoder encoder = new BlobEncoder();
    private final BandwidthLimiter uploadLimit = new BandwidthLimiter();

    /**
     * @param network the publishers to use (in order) and an optional JWT
     * @param nShards the network's shard count, to compute the blob ID the answer must carry
     */
    public PublisherClient(WalrusNetwork network, int nShards, RetryPolicy retry) {
        this(network, nShards, new HttpTransport(retry));
    }

    /** A client on a given transport (its client, retry policy, sleeper and randomness). */
    public PublisherClient(WalrusNetwork network, int nShards, HttpTransport transport) {
        this.network = Objects.requireNonNull(network, "network");
        this.maxEncodableSize = EncodingConfig.forShards(nShards).maxBlobSize();
        this.nShards = nShards;
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Stores the file's bytes. They are read once into memory, to compute the blob ID and to send from: this needs
     * the file's size in heap plus the encoder's working memory (a few times the size), which is fine for packs of
     * tens of MiB.
     */
    public StoreResult store(Path file, StoreOptions options) throws WalrusException {
        long size;
        byte[] data;
        try {
            size = Files.size(file);
            checkSize(size);
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new WalrusException("cannot read " + file + ": " + e.getMessage(), e, false);
        }
        if (data.length != size) {
            throw new WalrusException(file + " changed while it was being read", false);
        }
        return store(data, body(data), options);
    }

    /** Stores the bytes. */
    public StoreResult store(byte[] data, StoreOptions options) throws WalrusException {
        checkSize(data.length);
        return store(data, body(data), options);
    }

    /**
     * Limits uploads to {@code bytesPerSecond} from now on, also for a store under way; 0 removes the limit.
     */
    public void setUploadLimit(long bytesPerSecond) {
        uploadLimit.setLimit(bytesPerSecond);
    }

    private RequestBody body(byte[] data) {
        return new RequestBody() {
            private static final int PIECE = 32 << 10;

            @Override
            public MediaType contentType() {
                return OCTET_STREAM;
            }

            @Override
            public long contentLength() {
                return data.length;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws IOException {
                for (int off = 0; off < data.length; off += PIECE) {
                    int n = Math.min(PIECE, data.length - off);
                    try {
                        uploadLimit.acquire(n);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException("the upload was interrupted");
                    }
                    sink.write(data, off, n);
                }
            }
        };
    }

    private void checkSize(long size) throws PayloadTooLargeException {
        if (size > maxEncodableSize) {
            throw new PayloadTooLargeException(
                    "a blob of " + size + " bytes is larger than the " + maxEncodableSize
                            + " bytes Walrus can encode for " + nShards + " shards",
                    size);
        }
        if (size > network.maxBlobSize()) {
            throw new PayloadTooLargeException(
                    "a blob of " + size + " bytes is larger than the " + network.maxBlobSize()
                            + " bytes the publishers of " + network.name() + " accept",
                    size);
        }
    }

    private StoreResult store(byte[] data, RequestBody body, StoreOptions options) throws WalrusException {
        Objects.requireNonNull(options, "options");
        if (network.publishers().isEmpty()) {
            throw new WalrusException("network " + network.name() + " has no publisher: it is read-only", false);
        }
        String expected = encoder.blobId(data, nShards).toString();
        WalrusException last = null;
        URI lastPublisher = null;
        for (URI publisher : network.publishers()) {
            lastPublisher = publisher;
            Request request = request(publisher, body, options);
            HttpTransport.Reply reply;
            try {
                reply = transport.execute(request);
            } catch (WalrusApiException e) {
                if (e.httpStatus() == 413) {
                    throw new PayloadTooLargeException(e.getMessage(), data.length);
                }
                if (!e.retryable()) {
                    throw e;
                }
                last = e;
                LOG.warn("publisher {} is unavailable: {}", publisher, e.getMessage());
                continue;
            } catch (WalrusException e) {
                if (!e.retryable()) {
                    throw e;
                }
                last = e;
                LOG.warn("publisher {} is unreachable: {}", publisher, e.getMessage());
                continue;
            }
            return verified(StoreResponses.parse(reply.body()), expected, data.length, request);
        }
        throw new WalrusException(
                allFailed(Objects.requireNonNull(last), Objects.requireNonNull(lastPublisher)), last, true);
    }

    /**
     * Says in plain words that no publisher stored the blob after all its retries: which one, how often it
     * was tried, and whether it refused (with its HTTP status) or could not be reached; the last error
     * follows as detail.
     */
    private String allFailed(WalrusException last, URI lastPublisher) {
        int n = network.publishers().size();
        int attempts = transport.retryPolicy().maxAttempts();
        String tries = attempts == 1 ? "in 1 attempt" : "in " + attempts + " attempts";
        String outcome = last instanceof WalrusApiException api
                ? "refused the store with HTTP " + api.httpStatus()
                : "could not be reached";
        String summary = n == 1
                ? "the publisher " + lastPublisher + " of Walrus network '" + network.name() + "' " + outcome + " "
                        + tries + "; it may be down or overloaded"
                : "all " + n + " publishers of Walrus network '" + network.name() + "' failed, each " + tries
                        + "; the last, " + lastPublisher + ", " + outcome;
        return summary + " (last error: " + last.getMessage() + ")";
    }

    private Request request(URI publisher, RequestBody body, StoreOptions options) {
        HttpUrl.Builder url = HttpUrl.get(publisher.toString())
                .newBuilder()
                .addPathSegments("v1/blobs")
                .addQueryParameter("epochs", Integer.toString(options.epochs()));
        if (options.sendObjectTo() != null) {
            url.addQueryParameter("send_object_to", options.sendObjectTo().toString());
        }
        if (!options.deletable()) {
            url.addQueryParameter("permanent", "true");
        }
        Request.Builder request = new Request.Builder().url(url.build()).put(body);
        String jwt = network.publisherJwt();
        if (jwt != null) {
            request.header("Authorization", "Bearer " + jwt);
        }
        return request.build();
    }

    private static StoreResult verified(StoreResult result, String expected, long size, Request request)
            throws BadResponseException {
        if (!result.blobId().equals(expected)) {
            throw new BadResponseException(request.method() + " " + request.url() + " answered blob ID "
                    + result.blobId() + ", but the bytes sent have blob ID " + expected);
        }
        if (result instanceof StoreResult.NewlyCreated created
                && created.blobObject().size() != size) {
            throw new BadResponseException(request.method() + " " + request.url() + " answered a blob of "
                    + created.blobObject().size() + " bytes, but " + size + " bytes were sent");
        }
        return result;
    }
}
