package dev.walrussync.walrus.publisher;

import static dev.walrussync.walrus.http.MockResponses.resource;

import dev.walrussync.walrus.http.HttpTransport;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.network.WalrusNetwork;
import dev.walrussync.walrus.sui.SuiAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Networks on mock servers, transports that do not sleep, and the golden files. */
final class TestNetworks {
    /** "hello walrus", whose blob ID for 10 shards the golden store responses carry. */
    static final byte[] HELLO = "hello walrus".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static final String HELLO_ID = "5g7EUy58ReQir0t11jz709ae5cdZT24btlovkXo28U8";
    static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(500));

    private TestNetworks() {}

    static WalrusNetwork network(
            List<MockWebServer> publishers, List<MockWebServer> aggregators, @Nullable String jwt, long maxBlobSize) {
        return new WalrusNetwork(
                "mock",
                publishers.stream().map(TestNetworks::uri).toList(),
                aggregators.stream().map(TestNetworks::uri).toList(),
                URI.create("http://127.0.0.1:1/graphql"),
                null,
                SuiAddress.parse("0x1234"),
                "0x5678::wal::WAL",
                SuiAddress.parse("0x9abc"),
                null,
                jwt,
                maxBlobSize);
    }

    static URI uri(MockWebServer server) {
        return server.url("/").uri();
    }

    /** A transport whose sleeps are instant, so that retries cost no time. */
    static HttpTransport transport(RetryPolicy retry) {
        return new HttpTransport(
                HttpTransport.defaultClient()
                        .newBuilder()
                        .readTimeout(Duration.ofSeconds(10))
                        .build(),
                retry,
                d -> {},
                new SplittableRandom(3));
    }

    static MockResponse tooManyRequests() {
        return new MockResponse()
                .setResponseCode(429)
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setBody(new Buffer().write(resource("daemon-errors/too-many-requests.txt")));
    }
}
