package dev.walrussync.walrus.http;

import static dev.walrussync.walrus.http.MockResponses.json;
import static dev.walrussync.walrus.http.MockResponses.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    private static final RetryPolicy RETRY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1));
    private static final OkHttpClient CLIENT = HttpTransport.defaultClient()
            .newBuilder()
            .readTimeout(Duration.ofSeconds(5))
            .build();

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final HttpTransport transport = new HttpTransport(CLIENT, RETRY, sleeps::add, new SplittableRandom(7));
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private Request get() {
        return new Request.Builder().url(server.url("/v1/blobs/x")).build();
    }

    @Test
    void retriesRetryableStatusesThenReturnsTheSuccess() throws Exception {
        server.enqueue(json(503, "daemon-errors/blob-unavailable.json"));
        server.enqueue(new MockResponse()
                .setResponseCode(429)
                .setBody(new Buffer().write(resource("daemon-errors/too-many-requests.txt"))));
        server.enqueue(json(504, "daemon-errors/insufficient-confirmations.json"));
        server.enqueue(new MockResponse().setBody("payload"));

        HttpTransport.Reply reply = transport.execute(get());

        assertThat(reply.code()).isEqualTo(200);
        assertThat(new String(reply.body())).isEqualTo("payload");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        assertThat(sleeps.get(2)).isBetween(Duration.ZERO, Duration.ofMillis(400));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastError() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse()
                    .setResponseCode(429)
                    .setBody(new Buffer().write(resource("daemon-errors/too-many-requests.txt"))));
        }

        WalrusApiException e = catchThrowableOfType(WalrusApiException.class, () -> transport.execute(get()));

        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(sleeps).hasSize(3);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.status()).isNull();
        assertThat(e.reason()).isNull();
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage())
                .contains("GET " + server.url("/v1/blobs/x"))
                .contains("HTTP 429")
                .contains("the publisher is receiving too many requests; please try again later");
    }

    @Test
    void neverRetriesOtherErrorsAndParsesAip193() {
        server.enqueue(json(404, "daemon-errors/blob-not-found.json"));

        WalrusApiException e = catchThrowableOfType(WalrusApiException.class, () -> transport.execute(get()));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.status()).isEqualTo("NOT_FOUND");
        assertThat(e.reason()).isEqualTo("BLOB_NOT_FOUND");
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("the requested blob ID does not exist");
    }

    @Test
    void doesNotRetryA500() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("boom"));
        server.enqueue(new MockResponse().setBody("never asked"));

        WalrusApiException e = catchThrowableOfType(WalrusApiException.class, () -> transport.execute(get()));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.getMessage()).endsWith(": boom");
    }

    @Test
    void aUsedJwtIsNotRetriedThoughItIsA429() {
        server.enqueue(json(429, "daemon-errors/token-already-used.json"));
        server.enqueue(new MockResponse().setBody("never asked"));

        WalrusApiException e = catchThrowableOfType(WalrusApiException.class, () -> transport.execute(get()));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(e.reason()).isEqualTo("TOKEN_ALREADY_USED");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void retriesNetworkErrors() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        server.enqueue(new MockResponse()
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY)
                .setBody("x".repeat(10_000)));
        server.enqueue(new MockResponse().setBody("ok"));

        HttpTransport.Reply reply = transport.execute(get());

        assertThat(new String(reply.body())).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void aDeadServerIsARetryableWalrusException() throws Exception {
        Request request = get();
        server.shutdown();

        WalrusException e = catchThrowableOfType(WalrusException.class, () -> transport.execute(request));

        assertThat(e).isNotInstanceOf(WalrusApiException.class);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getCause()).isInstanceOf(IOException.class);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void anInterruptWhileWaitingStopsTheRetries() {
        server.enqueue(json(503, "daemon-errors/blob-unavailable.json"));
        HttpTransport interrupted = new HttpTransport(
                CLIENT,
                RETRY,
                d -> {
                    throw new InterruptedException();
                },
                new SplittableRandom(1));
        try {
            WalrusException e = catchThrowableOfType(WalrusException.class, () -> interrupted.execute(get()));

            assertThat(e.retryable()).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(server.getRequestCount()).isEqualTo(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void apiErrorKeepsLongPlainTextShort() {
        WalrusApiException e =
                HttpTransport.apiError("GET x", 503, "y".repeat(5000).getBytes());

        assertThat(e.getMessage()).hasSizeLessThan(600).startsWith("GET x → HTTP 503: yyy");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void apiErrorOfJsonThatIsNotAip193KeepsTheText() {
        WalrusApiException e = HttpTransport.apiError("GET x", 400, "{\"message\":\"nope\"}".getBytes());

        assertThat(e.status()).isNull();
        assertThat(e.getMessage()).endsWith("{\"message\":\"nope\"}");
    }
}
