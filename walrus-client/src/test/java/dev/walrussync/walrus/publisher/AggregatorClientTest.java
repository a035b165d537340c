package dev.walrussync.walrus.publisher;

import static dev.walrussync.walrus.http.MockResponses.json;
import static dev.walrussync.walrus.publisher.TestNetworks.HELLO_ID;
import static dev.walrussync.walrus.publisher.TestNetworks.RETRY;
import static dev.walrussync.walrus.publisher.TestNetworks.network;
import static dev.walrussync.walrus.publisher.TestNetworks.tooManyRequests;
import static dev.walrussync.walrus.publisher.TestNetworks.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.walrussync.walrus.http.BadResponseException;
import dev.walrussync.walrus.http.WalrusApiException;
import dev.walrussync.walrus.http.WalrusException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregatorClientTest {
    private static final byte[] BLOB = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    private MockWebServer first;
    private MockWebServer second;

    @BeforeEach
    void start() throws IOException {
        first = new MockWebServer();
        first.start();
        second = new MockWebServer();
        second.start();
    }

    @AfterEach
    void stop() throws IOException {
        first.shutdown();
        second.shutdown();
    }

    private AggregatorClient client(MockWebServer... aggregators) {
        return new AggregatorClient(network(List.of(), List.of(aggregators), null, 1 << 20), transport(RETRY));
    }

    private static MockResponse partial(String contentRange, String body) {
        return new MockResponse()
                .setResponseCode(206)
                .setHeader("Content-Range", contentRange)
                .setBody(body);
    }

    @Test
    void readsAWholeBlob() throws Exception {
        first.enqueue(new MockResponse().setBody(new okio.Buffer().write(BLOB)));

        assertThat(client(first).read(HELLO_ID)).isEqualTo(BLOB);
        RecordedRequest r = first.takeRequest();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getPath()).isEqualTo("/v1/blobs/" + HELLO_ID);
        assertThat(r.getHeader("Range")).isNull();
    }

    @Test
    void readsARangeFromA206() throws Exception {
        first.enqueue(partial("bytes 5-9/20", "56789"));

        assertThat(client(first).readRange(HELLO_ID, 5, 5)).isEqualTo("56789".getBytes(StandardCharsets.US_ASCII));
        assertThat(first.takeRequest().getHeader("Range")).isEqualTo("bytes=5-9");
    }

    @Test
    void cutsTheRangeFromA200WithTheWholeBlob() throws Exception {
        first.enqueue(new MockResponse().setBody(new okio.Buffer().write(BLOB)));

        assertThat(client(first).readRange(HELLO_ID, 10, 10))
                .isEqualTo("abcdefghij".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aWholeBlobShorterThanTheRangeIsAnError() {
        first.enqueue(new MockResponse().setBody(new okio.Buffer().write(BLOB)));

        WalrusException e =
                catchThrowableOfType(WalrusException.class, () -> client(first).readRange(HELLO_ID, 15, 6));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("only 20 bytes");
    }

    @Test
    void a206MustMatchTheRange() {
        first.enqueue(partial("bytes 0-4/20", "01234"));
        first.enqueue(partial("bytes 5-9/20", "5678"));
        first.enqueue(new MockResponse().setResponseCode(206).setBody("56789"));
        first.enqueue(partial("bytes 5-9/*", "56789"));
        AggregatorClient client = client(first);

        assertThatThrownBy(() -> client.readRange(HELLO_ID, 5, 5))
                .isInstanceOf(BadResponseException.class)
                .hasMessageContaining("bytes 0-4/20");
        assertThatThrownBy(() -> client.readRange(HELLO_ID, 5, 5))
                .isInstanceOf(BadResponseException.class)
                .hasMessageContaining("4 bytes");
        assertThatThrownBy(() -> client.readRange(HELLO_ID, 5, 5))
                .isInstanceOf(BadResponseException.class)
                .hasMessageContaining("Content-Range null");
        assertThat(catchThrowableOfType(BadResponseException.class, () -> client.readRange(HELLO_ID, 5, 5)))
                .as("an unknown total length is allowed")
                .isNull();
    }

    @Test
    void aRangeBeyondTheBlobIsA416FromWalrus() {
        first.enqueue(json(416, "daemon-errors/invalid-byte-range.json"));

        WalrusApiException e = catchThrowableOfType(
                WalrusApiException.class, () -> client(first, second).readRange(HELLO_ID, 15, 6));

        assertThat(e.httpStatus()).isEqualTo(416);
        assertThat(e.reason()).isEqualTo("INVALID_BYTE_RANGE");
        assertThat(second.getRequestCount()).isZero();
    }

    @Test
    void anEmptyRangeNeedsNoRequest() throws Exception {
        assertThat(client(first).readRange(HELLO_ID, 3, 0)).isEmpty();
        assertThat(first.getRequestCount()).isZero();
    }

    @Test
    void a404FromTheOnlyAggregatorIsNotFoundAndNotRetried() {
        first.enqueue(json(404, "daemon-errors/blob-not-found.json"));

        BlobNotFoundException e = catchThrowableOfType(
                BlobNotFoundException.class, () -> client(first).read(HELLO_ID));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(HELLO_ID).contains("BLOB_NOT_FOUND");
        assertThat(first.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a404FromOneAggregatorIsCheckedWithTheNext() throws Exception {
        first.enqueue(json(404, "daemon-errors/blob-not-found.json"));
        second.enqueue(new MockResponse().setBody(new okio.Buffer().write(BLOB)));

        assertThat(client(first, second).read(HELLO_ID)).isEqualTo(BLOB);
        assertThat(first.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBlobIsNotFoundWhenEveryAggregatorSays404() {
        first.enqueue(json(404, "daemon-errors/blob-not-found.json"));
        second.enqueue(json(404, "daemon-errors/blob-not-found.json"));

        assertThatThrownBy(() -> client(first, second).read(HELLO_ID)).isInstanceOf(BlobNotFoundException.class);
        assertThat(first.getRequestCount() + second.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a404AndAnOutageIsARetryableFailureNotALostBlob() {
        first.enqueue(json(404, "daemon-errors/blob-not-found.json"));
        for (int i = 0; i < RETRY.maxAttempts(); i++) {
            second.enqueue(json(503, "daemon-errors/blob-unavailable.json"));
        }

        WalrusException e = catchThrowableOfType(
                WalrusException.class, () -> client(first, second).read(HELLO_ID));

        assertThat(e).isNotInstanceOf(BlobNotFoundException.class);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("not found by").contains("BLOB_UNAVAILABLE");
    }

    @Test
    void blobUnavailableIsRetriedThenFailedOver() throws Exception {
        for (int i = 0; i < RETRY.maxAttempts(); i++) {
            first.enqueue(json(503, "daemon-errors/blob-unavailable.json"));
        }
        second.enqueue(tooManyRequests());
        second.enqueue(partial("bytes 0-1/20", "01"));

        assertThat(client(first, second).readRange(HELLO_ID, 0, 2)).isEqualTo("01".getBytes(StandardCharsets.US_ASCII));
        assertThat(first.getRequestCount()).isEqualTo(3);
        assertThat(second.getRequestCount()).isEqualTo(2);
        first.takeRequest();
        assertThat(first.takeRequest().getHeader("Range")).isEqualTo("bytes=0-1");
    }

    @Test
    void whenEveryAggregatorIsUnavailableTheErrorIsRetryableWithTheLastStatus() {
        for (int i = 0; i < RETRY.maxAttempts(); i++) {
            first.enqueue(json(503, "daemon-errors/blob-unavailable.json"));
        }

        WalrusException e =
                catchThrowableOfType(WalrusException.class, () -> client(first).read(HELLO_ID));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage())
                .contains("the aggregator of mock failed")
                .contains(first.url("/v1/blobs/" + HELLO_ID).toString())
                .contains("HTTP 503");
        assertThat(e.getCause())
                .isInstanceOfSatisfying(
                        WalrusApiException.class, c -> assertThat(c.reason()).isEqualTo("BLOB_UNAVAILABLE"));
    }

    @Test
    void refusesWhatIsNotABlobIdOrARange() {
        AggregatorClient client = client(first);

        assertThatThrownBy(() -> client.read("../status")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.readRange(HELLO_ID, -1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.readRange(HELLO_ID, 0, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(first.getRequestCount()).isZero();
    }
}
