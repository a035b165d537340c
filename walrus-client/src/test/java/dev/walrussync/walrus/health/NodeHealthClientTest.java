package dev.walrussync.walrus.health;

import static dev.walrussync.walrus.http.MockResponses.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.walrus.chain.CommitteeNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodeHealthClientTest {
    private MockWebServer healthy;
    private MockWebServer bare;
    private MockWebServer failing;
    private MockWebServer slow;

    @BeforeEach
    void start() throws IOException {
        healthy = started();
        bare = started();
        failing = started();
        slow = started();
    }

    private static MockWebServer started() throws IOException {
        MockWebServer s = new MockWebServer();
        s.start();
        return s;
    }

    @AfterEach
    void stop() throws IOException {
        for (MockWebServer s : List.of(healthy, bare, failing, slow)) {
            s.shutdown();
        }
    }

    private static CommitteeNode node(String name, MockWebServer server) {
        return new CommitteeNode("0x" + name.length(), name, server.url("/").uri(), 1);
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    @Test
    void reportsEveryNodeInInputOrder() throws Exception {
        healthy.enqueue(new MockResponse().setBody(new Buffer().write(resource("node-health/health-success.json"))));
        bare.enqueue(new MockResponse().setBody(new Buffer().write(resource("node-health/health-bare.json"))));
        failing.enqueue(new MockResponse()
                .setResponseCode(503)
                .setBody("{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\",\"message\":\"node is"
                        + " recovering\",\"details\":[]}}"));
        slow.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        URI closed = closedPort();
        List<CommitteeNode> nodes = List.of(
                node("slow", slow),
                node("healthy", healthy),
                new CommitteeNode("0x9", "down", closed, 2),
                node("failing", failing),
                node("bare", bare));

        long t0 = System.nanoTime();
        List<NodeHealth> health = new NodeHealthClient(Duration.ofMillis(700)).check(nodes);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(health).extracting(NodeHealth::name).containsExactly("slow", "healthy", "down", "failing", "bare");
        NodeHealth s = health.get(0);
        assertThat(s.reachable()).isFalse();
        assertThat(s.error()).containsIgnoringCase("timeout");
        assertThat(s.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(took).as("the timeout bounds the check").isLessThan(Duration.ofMillis(4000));

        NodeHealth h = health.get(1);
        assertThat(h)
                .isEqualTo(
                        new NodeHealth("healthy", healthy.url("/").uri(), true, "Active", 42, 10, h.latency(), null));
        assertThat(h.latency()).isPositive().isLessThan(Duration.ofMillis(700));
        assertThat(healthy.takeRequest().getPath()).isEqualTo("/v1/health");

        NodeHealth d = health.get(2);
        assertThat(d.reachable()).isFalse();
        assertThat(d.url()).isEqualTo(closed);
        assertThat(d.epoch()).isEqualTo(-1);
        assertThat(d.shardsOwned()).isEqualTo(-1);
        assertThat(d.nodeStatus()).isNull();
        assertThat(d.error()).isNotBlank();

        NodeHealth f = health.get(3);
        assertThat(f.reachable()).isFalse();
        assertThat(f.error()).contains("HTTP 503").contains("node is recovering");
        assertThat(failing.getRequestCount())
                .as("health checks are not retried")
                .isEqualTo(1);

        NodeHealth b = health.get(4);
        assertThat(b.reachable()).isTrue();
        assertThat(b.nodeStatus()).isEqualTo("RecoveryInProgress (7)");
        assertThat(b.epoch()).isEqualTo(7);
        assertThat(b.shardsOwned()).isEqualTo(3);
    }

    @Test
    void asksAllNodesAtOnce() throws Exception {
        byte[] body = resource("node-health/health-success.json");
        List<MockWebServer> servers = List.of(healthy, bare, failing);
        CountDownLatch arrived = new CountDownLatch(servers.size());
        Dispatcher answerWhenAllHaveAsked = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                return arrived.await(10, TimeUnit.SECONDS)
                        ? new MockResponse().setBody(new Buffer().write(body))
                        : new MockResponse().setResponseCode(500);
            }
        };
        servers.forEach(s -> s.setDispatcher(answerWhenAllHaveAsked));

        List<NodeHealth> health = new NodeHealthClient(Duration.ofSeconds(5))
                .check(servers.stream().map(s -> node("n" + s.getPort(), s)).toList());

        assertThat(health)
                .allSatisfy(n -> assertThat(n.reachable()).as(n.error()).isTrue());
    }

    @Test
    void aHealthDocumentThatDoesNotParseMakesTheNodeUnreachable() {
        healthy.enqueue(new MockResponse().setBody("{\"success\":{\"code\":200,\"data\":{\"epoch\":1}}}"));
        bare.enqueue(new MockResponse().setBody("OK"));

        List<NodeHealth> health =
                new NodeHealthClient(Duration.ofSeconds(5)).check(List.of(node("a", healthy), node("b", bare)));

        assertThat(health).allSatisfy(n -> {
            assertThat(n.reachable()).isFalse();
            assertThat(n.error()).startsWith("unreadable health answer");
        });
    }

    @Test
    void noNodesNoAnswers() {
        assertThat(new NodeHealthClient(Duration.ofSeconds(1)).check(List.of())).isEmpty();
    }

    @Test
    void aNodeAddressWithoutSchemeMeansHttps() {
        assertThat(NodeHealthClient.baseUri(URI.create("node.example.com:9185")))
                .isEqualTo(URI.create("https://node.example.com:9185"));
        assertThat(NodeHealthClient.baseUri(URI.create("//10.0.0.1:9185")))
                .isEqualTo(URI.create("https://10.0.0.1:9185"));
        assertThat(NodeHealthClient.baseUri(URI.create("http://127.0.0.1:9000/")))
                .isEqualTo(URI.create("http://127.0.0.1:9000/"));
        assertThat(NodeHealthClient.baseUri(URI.create("HTTPS://n.example:1")))
                .isEqualTo(URI.create("HTTPS://n.example:1"));
    }
}
