package dev.walrussync.walrus.publisher;

import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.http.BadResponseException;
import dev.walrussync.walrus.http.HttpTransport;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.http.WalrusApiException;
import dev.walrussync.walrus.http.WalrusException;
import dev.walrussync.walrus.network.WalrusNetwork;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads blobs through Walrus aggregators ({@code GET /v1/blobs/{id}}, with {@code Range} for partial
 * reads), failing over between aggregators and retrying 429, 503, 504 and network errors.
 *
 * <p>Failover and "not found": aggregators are tried in the network's order; a retryable failure
 * (such as 503 {@code BLOB_UNAVAILABLE}) is retried per the {@link RetryPolicy}, then the next
 * aggregator is tried. A 404 is not retried but the next aggregator is still asked, because one
 * aggregator may lag or be misconfigured: {@link BlobNotFoundException} is thrown only when every
 * aggregator answered 404. If some said 404 and the others failed in a retryable way, the read fails
 * with a retryable {@link WalrusException} instead, so that a transient outage is never taken for a
 * lost blob. Any other error status (400, 403, 416, 451, …) is final at once.
 *
 * <p>Instances are immutable and thread-safe. Answers are read into memory.
 */
public final class AggregatorClient {
    private static final Logger LOG = LoggerFactory.getLogger(AggregatorClient.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");

    private final WalrusNetwork network;
    private final HttpTransport transport;

    public AggregatorClient(WalrusNetwork network, RetryPolicy retry) {
        this(network, new HttpTransport(retry));
    }

    /** A client on a given transport (its client, retry policy, sleeper and randomness). */
    public AggregatorClient(WalrusNetwork network, HttpTransport transport) {
        this.network = Objects.requireNonNull(network, "network");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Reads a whole blob.
     *
     * @throws IllegalArgumentException if {@code blobId} is not a blob ID
     * @throws BlobNotFoundException if every aggregator answered 404
     */
    public byte[] read(String blobId) throws WalrusException {
        BlobId.parse(blobId);
        return fetch(blobId, null, reply -> reply.body());
    }

    /**
     * Reads {@code length} bytes from {@code offset} with {@code Range: bytes=offset-(offset+length-1)};
     * fails if the blob is shorter (Walrus answers 416, a {@link WalrusApiException}). The answer must
     * be a 206 whose {@code Content-Range} and body match the range; an aggregator that ignores the
     * range and answers 200 with the whole blob is accepted and the range is cut from it. A length of
     * 0 returns an empty array without a request.
     *
     * @throws IllegalArgumentException if {@code blobId} is not a blob ID, or offset or length is negative
     */
    public byte[] readRange(String blobId, long offset, int length) throws WalrusException {
        BlobId.parse(blobId);
        if (offset < 0 || length < 0 || offset > Long.MAX_VALUE - length) {
            throw new IllegalArgumentException("bad range: offset " + offset + ", length " + length);
        }
        if (length == 0) {
            return new byte[0];
        }
        long last = offset + length - 1;
        return fetch(blobId, "bytes=" + offset + "-" + last, reply -> slice(reply, offset, length));
    }

    @FunctionalInterface
    private interface ReplyReader {
        byte[] read(HttpTransport.Reply reply) throws WalrusException;
    }

    private byte[] fetch(String blobId, @Nullable String range, ReplyReader reader) throws WalrusException {
        List<String> notFound = new ArrayList<>();
        WalrusException lastFailure = null;
        for (URI aggregator : network.aggregators()) {
            HttpUrl url = HttpUrl.get(aggregator.toString())
                    .newBuilder()
                    .addPathSegments("v1/blobs")
                    .addPathSegment(blobId)
                    .build();
            Request.Builder request = new Request.Builder().url(url).get();
            if (range != null) {
                request.header("Range", range);
            }
            try {
                return reader.read(transport.execute(request.build()));
            } catch (WalrusApiException e) {
                if (e.httpStatus() == 404) {
                    notFound.add(aggregator.toString());
                    lastFailure = lastFailure == null || !lastFailure.retryable() ? e : lastFailure;
                    continue;
                }
                if (!e.retryable()) {
                    throw e;
                }
                lastFailure = e;
                LOG.warn("aggregator {} is unavailable: {}", aggregator, e.getMessage());
            } catch (BadResponseException e) {
                throw e;
            } catch (WalrusException e) {
                if (!e.retryable()) {
                    throw e;
                }
                lastFailure = e;
                LOG.warn("aggregator {} is unreachable: {}", aggregator, e.getMessage());
            }
        }
        int n = network.aggregators().size();
        if (notFound.size() == n) {
            throw new BlobNotFoundException("blob " + blobId + " was not found"
                    + (n == 1 ? " by the aggregator " : " by any of the aggregators ") + String.join(", ", notFound)
                    + ": " + Objects.requireNonNull(lastFailure).getMessage());
        }
        String prefix = notFound.isEmpty()
                ? (n == 1 ? "the aggregator" : "all " + n + " aggregators") + " of " + network.name() + " failed"
                : "blob " + blobId + " was not found by " + String.join(", ", notFound)
                        + ", and the other aggregators failed";
        throw new WalrusException(
                prefix + "; last: " + Objects.requireNonNull(lastFailure).getMessage(), lastFailure, true);
    }

    private static byte[] slice(HttpTransport.Reply reply, long offset, int length) throws WalrusException {
        byte[] body = reply.body();
        String what = "GET " + reply.url();
        if (reply.code() == 200) {
            if (body.length < offset + length) {
                throw new WalrusException(
                        what + " ignored the range and answered the whole blob, which has only " + body.length
                                + " bytes: the range " + offset + "+" + length + " is beyond its end",
                        false);
            }
            return Arrays.copyOfRange(body, (int) offset, (int) offset + length);
        }
        if (reply.code() != 206) {
            throw new BadResponseException(what + " answered HTTP " + reply.code() + " to a range request");
        }
        String contentRange = reply.header("Content-Range");
        Matcher m = contentRange == null ? null : CONTENT_RANGE.matcher(contentRange.trim());
        if (m == null || !m.matches()) {
            throw new BadResponseException(what + " answered 206 with Content-Range " + contentRange);
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (first != offset || last != offset + length - 1) {
            throw new BadResponseException(
                    what + " answered " + contentRange + " for bytes " + offset + "-" + (offset + length - 1));
        }
        if (body.length != length) {
            throw new BadResponseException(
                    what + " answered " + body.length + " bytes for a range of " + length + " bytes");
        }
        return body;
    }
}
