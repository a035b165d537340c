package dev.walrussync.walrus.publisher;

import static dev.walrussync.walrus.http.MockResponses.json;
import static dev.walrussync.walrus.publisher.TestNetworks.HELLO;
import static dev.walrussync.walrus.publisher.TestNetworks.HELLO_ID;
import static dev.walrussync.walrus.publisher.TestNetworks.RETRY;
import static dev.walrussync.walrus.publisher.TestNetworks.network;
import static dev.walrussync.walrus.publisher.TestNetworks.tooManyRequests;
import static dev.walrussync.walrus.publisher.TestNetworks.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.walrussync.walrus.encoding.BlobEncoder;
import dev.walrussync.walrus.http.BadResponseException;
import dev.walrussync.walrus.http.MockResponses;
import dev.walrussync.walrus.http.WalrusApiException;
import dev.walrussync.walrus.http.WalrusException;
import dev.walrussync.walrus.network.WalrusNetwork;
import dev.walrussync.walrus.node.EventId;
import dev.walrussync.walrus.sui.SuiAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublisherClientTest {
    private static final SuiAddress OWNER =
            SuiAddress.parse("0x00000000000000000000000000000000000000000000000000000000000a11ce");
    private static final StoreOptions PERMANENT = new StoreOptions(3, OWNER, false);

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

    private PublisherClient client(List<MockWebServer> publishers, String jwt) {
        return new PublisherClient(network(publishers, List.of(first), jwt, 10 << 20), 10, transport(RETRY));
    }

    private PublisherClient client() {
        return client(List.of(first), null);
    }

    private StoreResult storeAnswered(String resource) throws WalrusException {
        first.enqueue(json(200, "publisher-responses/" + resource));
        return client().store(HELLO, PERMANENT);
    }

    // ---- the request ----

    @Test
    void putsTheBytesWithEpochsOwnerAndPermanentInThatOrder() throws Exception {
        storeAnswered("newly-created-register-from-scratch.json");

        RecordedRequest r = first.takeRequest();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(r.getPath()).isEqualTo("/v1/blobs?epochs=3&send_object_to=" + OWNER + "&permanent=true");
        assertThat(OWNER.toString()).startsWith("0x").hasSize(66);
        assertThat(r.getBody().readByteArray()).isEqualTo(HELLO);
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(r.getHeader("Authorization")).isNull();
    }

    @Test
    void aDeletableBlobSendsNeitherPermanentNorTheDeprecatedDeletable() throws Exception {
        first.enqueue(json(200, "publisher-responses/newly-created-reuse-registration.json"));

        client().store(HELLO, new StoreOptions(1, null, true));

        assertThat(first.takeRequest().getPath()).isEqualTo("/v1/blobs?epochs=1");
    }

    @Test
    void sendsTheJwtAsBearerToken() throws Exception {
        first.enqueue(json(200, "publisher-responses/newly-created-register-from-scratch.json"));

        client(List.of(first), "eyJhbGciOiJIUzI1NiJ9.e30.sig").store(HELLO, PERMANENT);

        assertThat(first.takeRequest().getHeader("Authorization")).isEqualTo("Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig");
    }

    @Test
    void keepsThePathOfAPublisherBehindAPrefix() throws Exception {
        first.enqueue(json(200, "publisher-responses/newly-created-register-from-scratch.json"));
        WalrusNetwork net = network(List.of(first), List.of(first), null, 1 << 20);
        WalrusNetwork prefixed = new WalrusNetwork(
                net.name(),
                List.of(URI.create(first.url("/walrus/").toString())),
                net.aggregators(),
                net.graphql(),
                null,
                net.walrusOriginalPackage(),
                net.walCoinType(),
                net.systemObject(),
                null,
                null,
                net.maxBlobSize());

        new PublisherClient(prefixed, 10, transport(RETRY)).store(HELLO, new StoreOptions(2, null, true));

        assertThat(first.takeRequest().getPath()).isEqualTo("/walrus/v1/blobs?epochs=2");
    }

    @Test
    void streamsAFileAndChecksItsBlobId(@TempDir Path dir) throws Exception {
        byte[] data = new byte[300_000];
        new Random(5).nextBytes(data);
        String id = new BlobEncoder().blobId(data, 10).toString();
        Path file = Files.write(dir.resolve("pack"), data);
        first.enqueue(new MockResponse()
                .setBody(new String(MockResponses.resource("publisher-responses/already-certified-object.json"))
                        .replace(HELLO_ID, id)));

        StoreResult result = client().store(file, PERMANENT);

        assertThat(result.blobId()).isEqualTo(id);
        RecordedRequest r = first.takeRequest();
        assertThat(r.getBodySize()).isEqualTo(data.length);
        assertThat(r.getBody().readByteArray()).isEqualTo(data);
    }

    // ---- every response variant ----

    @Test
    void newlyCreatedRegisteredFromScratch() throws Exception {
        StoreResult result = storeAnswered("newly-created-register-from-scratch.json");

        assertThat(result)
                .isEqualTo(new StoreResult.NewlyCreated(
                        new BlobObject(
                                "0x3ab2a5c4c0a3f7b2a8e3b1c4d9d2e7f1a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1",
                                HELLO_ID,
                                34,
                                12,
                                34L,
                                "0x5c1b8fd1e2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
                                34,
                                35,
                                66_034_000,
                                false),
                        66_034_000,
                        1,
                        132_300));
        assertThat(result.blobId()).isEqualTo(HELLO_ID);
        assertThat(result.endEpoch()).isEqualTo(35);
    }

    @Test
    void newlyCreatedWithReusedStorageNullCertifiedEpochAndU64Strings() throws Exception {
        StoreResult result = storeAnswered("newly-created-reuse-storage-strings.json");

        assertThat(result)
                .isEqualTo(new StoreResult.NewlyCreated(
                        new BlobObject("0xaa", HELLO_ID, 40, 12, null, "0xbb", 40, 45, 66_034_000, true),
                        66_034_000,
                        0,
                        2000));
    }

    @Test
    void newlyCreatedWithReusedRegistration() throws Exception {
        StoreResult.NewlyCreated result =
                (StoreResult.NewlyCreated) storeAnswered("newly-created-reuse-registration.json");

        assertThat(result.encodedLength()).isEqualTo(66_034_000);
        assertThat(result.epochsAhead()).isZero();
        assertThat(result.cost()).isZero();
        assertThat(result.blobObject().certifiedEpoch()).isEqualTo(41L);
    }

    @Test
    void newlyCreatedByReuseAndExtend() throws Exception {
        StoreResult.NewlyCreated result =
                (StoreResult.NewlyCreated) storeAnswered("newly-created-reuse-and-extend.json");

        assertThat(result.epochsAhead()).isEqualTo(7);
        assertThat(result.cost()).isEqualTo(700);
        assertThat(result.endEpoch()).isEqualTo(50);
    }

    @Test
    void newlyCreatedByReuseAndExtendNonCertifiedWithASharedObject() throws Exception {
        StoreResult.NewlyCreated result =
                (StoreResult.NewlyCreated) storeAnswered("newly-created-reuse-and-extend-non-certified-shared.json");

        assertThat(result.epochsAhead()).isEqualTo(9);
        assertThat(result.blobObject().certifiedEpoch()).isNull();
        assertThat(result.blobObject().deletable()).isFalse();
    }

    @Test
    void alreadyCertifiedWithEvent() throws Exception {
        assertThat(storeAnswered("already-certified-event.json"))
                .isEqualTo(new StoreResult.AlreadyCertified(
                        HELLO_ID, 35, new EventId("4XQHFa9S324wTzYHF3vsBSwpYGZ8B3E2KeQg8UVwRTaS", 0), null));
    }

    @Test
    void alreadyCertifiedWithObject() throws Exception {
        assertThat(storeAnswered("already-certified-object.json"))
                .isEqualTo(new StoreResult.AlreadyCertified(
                        HELLO_ID, 36, null, "0x9f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "marked-invalid.json",
                "error.json",
                "unknown-variant.json",
                "openapi-snake-case.json",
                "two-variants.json",
                "already-certified-neither.json",
                "newly-created-unknown-operation.json",
                "newly-created-missing-storage.json",
                "newly-created-negative.json",
                "truncated.json",
                "newly-created-wrong-blob-id.json",
                "already-certified-wrong-blob-id.json",
                "newly-created-wrong-size.json"
            })
    void refusesAnswersItMustNotAccept(String resource) {
        BadResponseException e = catchThrowableOfType(BadResponseException.class, () -> storeAnswered(resource));

        assertThat(e.retryable()).isFalse();
        assertThat(first.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aWrongBlobIdNamesBothIds() {
        BadResponseException e = catchThrowableOfType(
                BadResponseException.class, () -> storeAnswered("newly-created-wrong-blob-id.json"));

        assertThat(e.getMessage())
                .contains("B9EGvKbKTAQLTuD9o4aKQzNmn0-10cHkG9O7Qwy3qWg")
                .contains(HELLO_ID);
    }

    @Test
    void markedInvalidSaysSo() {
        assertThatThrownBy(() -> storeAnswered("marked-invalid.json"))
                .isInstanceOf(BadResponseException.class)
                .hasMessageContaining("marked invalid");
    }

    // ---- errors, retries and failover ----

    @Test
    void a413IsPayloadTooLargeAndIsNeitherRetriedNorFailedOver() {
        first.enqueue(new MockResponse().setResponseCode(413).setBody("length limit exceeded"));

        PayloadTooLargeException e = catchThrowableOfType(
                PayloadTooLargeException.class,
                () -> client(List.of(first, second), null).store(HELLO, PERMANENT));

        assertThat(e.sentBytes()).isEqualTo(HELLO.length);
        assertThat(e.retryable()).isFalse();
        assertThat(first.getRequestCount()).isEqualTo(1);
        assertThat(second.getRequestCount()).isZero();
    }

    @Test
    void aBlobOverTheNetworksLimitIsRefusedWithoutARequest() {
        PublisherClient small =
                new PublisherClient(network(List.of(first), List.of(first), null, 11), 10, transport(RETRY));

        assertThatThrownBy(() -> small.store(HELLO, PERMANENT)).isInstanceOf(PayloadTooLargeException.class);
        assertThat(first.getRequestCount()).isZero();
    }

    @Test
    void aBlobLargerThanWalrusCanEncodeIsRefusedWithoutARequest() {
        byte[] data = new byte[1_834_953];

        PayloadTooLargeException e =
                catchThrowableOfType(PayloadTooLargeException.class, () -> client().store(data, PERMANENT));

        assertThat(e.sentBytes()).isEqualTo(data.length);
        assertThat(e.getMessage()).contains("1834952").contains("10 shards");
        assertThat(first.getRequestCount()).isZero();
    }

    @Test
    void retriesOverloadAndUnavailableThenSucceeds() throws Exception {
        first.enqueue(tooManyRequests());
        first.enqueue(json(504, "daemon-errors/insufficient-confirmations.json"));
        first.enqueue(json(200, "publisher-responses/already-certified-event.json"));

        assertThat(client().store(HELLO, PERMANENT).blobId()).isEqualTo(HELLO_ID);
        assertThat(first.getRequestCount()).isEqualTo(3);
    }

    @Test
    void failsOverToTheNextPublisherWhenRetriesRunOut() throws Exception {
        for (int i = 0; i < RETRY.maxAttempts(); i++) {
            first.enqueue(new MockResponse().setResponseCode(503).setBody("down for maintenance"));
        }
        second.enqueue(json(200, "publisher-responses/newly-created-register-from-scratch.json"));

        StoreResult result = client(List.of(first, second), "jwt").store(HELLO, PERMANENT);

        assertThat(result.blobId()).isEqualTo(HELLO_ID);
        assertThat(first.getRequestCount()).isEqualTo(3);
        assertThat(second.getRequestCount()).isEqualTo(1);
        RecordedRequest r = second.takeRequest();
        assertThat(r.getPath()).isEqualTo("/v1/blobs?epochs=3&send_object_to=" + OWNER + "&permanent=true");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer jwt");
        assertThat(r.getBody().readByteArray()).isEqualTo(HELLO);
    }

    @Test
    void failsOverAfterNetworkErrors() throws Exception {
        for (int i = 0; i < RETRY.maxAttempts(); i++) {
            first.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        }
        second.enqueue(json(200, "publisher-responses/already-certified-object.json"));

        assertThat(client(List.of(first, second), null).store(HELLO, PERMANENT))
                .isInstanceOf(StoreResult.AlreadyCertified.class);
        assertThat(first.getRequestCount()).isEqualTo(3);
    }

    @Test
    void whenEveryPublisherFailsTheErrorNamesTheLastUrlAndStatus() {
        for (int i = 0; i < RETRY.maxAttempts(); i++) {
            first.enqueue(tooManyRequests());
            second.enqueue(json(503, "daemon-errors/blob-unavailable.json"));
        }

        WalrusException e = catchThrowableOfType(
                WalrusException.class,
                () -> client(List.of(first, second), null).store(HELLO, PERMANENT));

        assertThat(e).isNotInstanceOf(WalrusApiException.class);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage())
                .contains("all 2 publishers")
                .contains("each in " + RETRY.maxAttempts() + " attempts")
                .contains(second.url("/v1/blobs").toString())
                .contains("refused the store with HTTP 503");
        assertThat(e.getCause())
                .isInstanceOfSatisfying(
                        WalrusApiException.class,
                        c -> assertThat(c.httpStatus()).isEqualTo(503));
        assertThat(first.getRequestCount() + second.getRequestCount()).isEqualTo(6);
    }

    @Test
    void aBadRequestIsFinalAndNotFailedOver() {
        first.enqueue(json(400, "daemon-errors/malformed-request.json"));

        WalrusApiException e = catchThrowableOfType(
                WalrusApiException.class,
                () -> client(List.of(first, second), null).store(HELLO, PERMANENT));

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.reason()).isEqualTo("MALFORMED_REQUEST");
        assertThat(first.getRequestCount()).isEqualTo(1);
        assertThat(second.getRequestCount()).isZero();
    }

    @Test
    void aReadOnlyNetworkCannotStore() {
        PublisherClient readOnly =
                new PublisherClient(network(List.of(), List.of(first), null, 1 << 20), 10, transport(RETRY));

        assertThatThrownBy(() -> readOnly.store(HELLO, PERMANENT))
                .isInstanceOf(WalrusException.class)
                .hasMessageContaining("read-only");
    }

    @Test
    void refusesAnUnsupportedShardCount() {
        assertThatThrownBy(() -> new PublisherClient(network(List.of(first), List.of(first), null, 1), 1, RETRY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
