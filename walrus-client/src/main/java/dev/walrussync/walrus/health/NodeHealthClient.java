package dev.walrussync.walrus.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.walrus.chain.CommitteeNode;
import dev.walrussync.walrus.http.HttpTransport;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.http.Sleeper;
import dev.walrussync.walrus.http.WalrusException;
import dev.walrussync.walrus.node.ApiSuccess;
import dev.walrussync.walrus.node.ServiceHealthInfo;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Asks every committee node for {@code /v1/health} at once, each with a timeout, and records the latency.
 *
 * <p>Each node gets one {@code GET {url}/v1/health} on its own virtual thread, with no retry and an
 * overall call timeout. The body is the storage-node success envelope {@code {"success": {"code":
 * 200, "data": <ServiceHealthInfo>}}} (protocol.md §2.6, as real nodes and our local nodes send it);
 * a bare {@code ServiceHealthInfo} object is accepted too. An error status, a timeout, a refused
 * connection or a body that does not parse makes the node unreachable, with the reason in {@link
 * NodeHealth#error()}.
 *
 * <p>Node URLs: on chain, Walrus stores a node's network address as {@code host:port} and its REST API
 * is served over HTTPS. {@link CommitteeNode#url()} is normally a full {@code http(s)://} URI; one
 * without a scheme ({@code host:port}) is taken to mean {@code https://host:port}. The URI in the
 * returned {@link NodeHealth} is the one that was requested.
 */
public final class NodeHealthClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport transport;
    private final LongSupplier nanoTime;

    public NodeHealthClient(Duration timeout) {
        this(HttpTransport.defaultClient(), timeout, System::nanoTime);
    }

    /**
     * @param client the base client; its call timeout is replaced by {@code timeout}
     * @param nanoTime the monotonic clock that measures latency
     */
    public NodeHealthClient(OkHttpClient client, Duration timeout, LongSupplier nanoTime) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        OkHttpClient timed = client.newBuilder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .build();
        this.transport = new HttpTransport(timed, RetryPolicy.NONE, Sleeper.SYSTEM, ThreadLocalRandom.current());
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** The health of each node, in the order of {@code nodes}; waits for all (at most about the timeout). */
    public List<NodeHealth> check(List<CommitteeNode> nodes) {
        List<Future<NodeHealth>> futures = new ArrayList<>(nodes.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (CommitteeNode node : nodes) {
                futures.add(executor.submit(() -> check(node)));
            }
            List<NodeHealth> out = new ArrayList<>(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    CommitteeNode node = nodes.get(i);
                    out.add(unreachable(node, baseUri(node.url()), Duration.ZERO, String.valueOf(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    executor.shutdownNow();
                    CommitteeNode node = nodes.get(i);
                    out.add(unreachable(node, baseUri(node.url()), Duration.ZERO, "interrupted"));
                }
            }
            return out;
        }
    }

    private NodeHealth check(CommitteeNode node) {
        URI url = baseUri(node.url());
        long start = nanoTime.getAsLong();
        try {
            HttpUrl health = HttpUrl.get(url.toString())
                    .newBuilder()
                    .addPathSegments("v1/health")
                    .build();
            HttpTransport.Reply reply =
                    transport.execute(new Request.Builder().url(health).get().build());
            Duration latency = Duration.ofNanos(nanoTime.getAsLong() - start);
            ServiceHealthInfo info;
            try {
                info = parse(reply.body());
            } catch (IOException | IllegalArgumentException e) {
                return unreachable(node, url, latency, "unreadable health answer: " + e.getMessage());
            }
            return new NodeHealth(
                    node.name(),
                    url,
                    true,
                    info.nodeStatus(),
                    info.epoch(),
                    (int) Math.min(Integer.MAX_VALUE, info.shardSummary().owned()),
                    latency,
                    null);
        } catch (WalrusException | IllegalArgumentException e) {
            return unreachable(node, url, Duration.ofNanos(nanoTime.getAsLong() - start), e.getMessage());
        }
    }

    /** Parses the success envelope or a bare {@code ServiceHealthInfo}. */
    static ServiceHealthInfo parse(byte[] body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode data = root.has("success") ? ApiSuccess.fromJson(root).data() : root;
        return ServiceHealthInfo.fromJson(data);
    }

    /** {@code url} as an absolute http(s) URI; {@code host:port} without a scheme means HTTPS. */
    static URI baseUri(URI url) {
        String scheme = url.getScheme();
        if (scheme != null
                && !url.isOpaque()
                && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return url;
        }
        String text = url.toString();
        return URI.create(scheme == null && text.startsWith("//") ? "https:" + text : "https://" + text);
    }

    private static NodeHealth unreachable(CommitteeNode node, URI url, Duration latency, String error) {
        return new NodeHealth(node.name(), url, false, null, -1, -1, latency, error);
    }
}
