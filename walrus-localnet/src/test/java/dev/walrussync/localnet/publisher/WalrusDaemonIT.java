package dev.walrussync.localnet.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.localnet.chain.ChainObject;
import dev.walrussync.localnet.chain.ExecutedTransaction;
import dev.walrussync.localnet.chain.MetadataField;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.encoding.BlobEncoder;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.EncodingConfig;
import dev.walrussync.walrus.quilt.QuiltPatchId;
import dev.walrussync.walrus.quilt.QuiltStoreBlob;
import dev.walrussync.walrus.quilt.QuiltV1;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.GasData;
import dev.walrussync.walrus.sui.ObjectRef;
import dev.walrussync.walrus.sui.ProgrammableTransactionBuilder;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TransactionExpiration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher/aggregator daemon over real HTTP on loopback, against a started local network (in-process nodes):
 * JSON shapes compared with the Walrus docs' examples (golden files), every rejected query, the body limit, the
 * overload 429, the read routes and headers, by-object-id attributes, and quilts.
 */
class WalrusDaemonIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int SHARDS = 10;
    private static final long SMALL_BODY_LIMIT = 32 * 1024;

    @TempDir
    static Path dir;

    @TempDir
    static Path smallDir;

    static LocalWalrusNetwork net;

    /** A network with a 32 KiB body limit that serves one store at a time. */
    static LocalWalrusNetwork small;

    static Ed25519Keypair user;

    @BeforeAll
    static void start() throws IOException {
        net = LocalWalrusNetwork.start(LocalWalrusNetwork.Options.defaults(dir), Clock.systemUTC());
        small = LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(smallDir)
                        .withMaxBodySize(SMALL_BODY_LIMIT)
                        .withMaxConcurrentStores(1),
                Clock.systemUTC());
        byte[] seed = new byte[32];
        seed[0] = 42;
        user = Ed25519Keypair.fromSeed(seed);
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
        if (small != null) {
            small.close();
        }
    }

    // ---- store responses ----

    @Test
    void newlyCreatedHasTheShapeOfTheDocsExampleAndTheRealBlobId() throws Exception {
        byte[] data = random(17, 1);

        JsonNode created = store(data, "epochs=2");

        assertSameShape(golden("newly-created.json"), created);
        JsonNode blob = created.at("/newlyCreated/blobObject");
        assertThat(blob.get("blobId").asText())
                .isEqualTo(new BlobEncoder().blobId(data, SHARDS).toString());
        assertThat(blob.get("size").asLong()).isEqualTo(17);
        assertThat(blob.get("deletable").asBoolean()).as("deletable by default").isTrue();
        assertThat(blob.at("/storage/endEpoch").asLong())
                .isEqualTo(blob.at("/storage/startEpoch").asLong() + 2);
        assertThat(created.at("/newlyCreated/resourceOperation/registerFromScratch/encodedLength")
                        .asLong())
                .isEqualTo(EncodingConfig.forShards(SHARDS).encodedLength(17));
    }

    @Test
    void storingAPermanentBlobAgainAnswersAlreadyCertifiedWithTheCertifyingEvent() throws Exception {
        byte[] data = random(300, 2);
        JsonNode first = store(data, "permanent=true&epochs=3").path("newlyCreated");

        JsonNode again = store(data, "permanent=true&epochs=2");

        assertSameShape(golden("already-certified-event.json"), again);
        JsonNode ac = again.get("alreadyCertified");
        assertThat(ac.get("blobId").asText())
                .isEqualTo(first.at("/blobObject/blobId").asText());
        assertThat(ac.get("endEpoch").asLong())
                .isEqualTo(first.at("/blobObject/storage/endEpoch").asLong());
        assertThat(ac.at("/event/txDigest").asText()).matches("[1-9A-HJ-NP-Za-km-z]{43,44}");
        assertThat(ac.at("/event/eventSeq").isTextual()).isTrue();
    }

    @Test
    void storingADeletableBlobAgainWithReuseResourcesAnswersAlreadyCertifiedWithTheOwnedObject() throws Exception {
        byte[] data = random(400, 3);
        JsonNode first = store(data, "epochs=2").path("newlyCreated");

        JsonNode again = store(data, "epochs=1&reuse_resources=true");

        assertSameShape(golden("already-certified-object.json"), again);
        assertThat(again.at("/alreadyCertified/object").asText())
                .isEqualTo(first.at("/blobObject/id").asText());
    }

    @Test
    void storingADeletableBlobAgainWithoutReuseResourcesCreatesANewObjectAsThePublisherDoes() throws Exception {
        byte[] data = random(500, 4);
        JsonNode first = store(data, "epochs=2");

        JsonNode again = store(data, "epochs=2");

        assertThat(again.has("newlyCreated")).as(again.toString()).isTrue();
        assertThat(again.at("/newlyCreated/blobObject/id").asText())
                .isNotEqualTo(first.at("/newlyCreated/blobObject/id").asText());
    }

    @Test
    void forceCreatesANewObjectEvenWhenThePermanentBlobIsCertified() throws Exception {
        byte[] data = random(600, 5);
        JsonNode first = store(data, "permanent=true&epochs=2");

        JsonNode forced = store(data, "permanent=true&epochs=2&force=true");

        assertSameShape(golden("newly-created.json"), forced);
        assertThat(forced.at("/newlyCreated/blobObject/id").asText())
                .isNotEqualTo(first.at("/newlyCreated/blobObject/id").asText());
        assertThat(forced.at("/newlyCreated/blobObject/deletable").asBoolean()).isFalse();
    }

    // ---- rejected store queries ----

    @Test
    void anUnknownStoreParameterIsAPlainText400() throws Exception {
        HttpResponse<byte[]> r = put(net, "/v1/blobs?epochs=1&colour=blue", new byte[] {1});

        assertPlainText(r, 400, "unknown field `colour`");
    }

    @Test
    void permanentAndDeletableTogetherIsAnInvalidBlobPersistenceError() throws Exception {
        HttpResponse<byte[]> r = put(net, "/v1/blobs?permanent=true&deletable=true", new byte[] {1});

        assertAip193(r, 400, "INVALID_ARGUMENT", "INVALID_BLOB_PERSISTENCE");
    }

    @Test
    void shareTogetherWithSendObjectToIsRejected() throws Exception {
        HttpResponse<byte[]> r = put(net, "/v1/blobs?share=true&send_object_to=" + user.address(), new byte[] {1});

        assertPlainText(r, 400, "send_object_to and share");
    }

    @Test
    void epochsOfZeroBeyondTheMaximumOrNotANumberAreRejected() throws Exception {
        assertAip193(put(net, "/v1/blobs?epochs=0", new byte[] {1}), 400, "INVALID_ARGUMENT", "INVALID_EPOCHS_AHEAD");
        assertAip193(put(net, "/v1/blobs?epochs=54", new byte[] {1}), 400, "INVALID_ARGUMENT", "INVALID_EPOCHS_AHEAD");
        assertPlainText(put(net, "/v1/blobs?epochs=abc", new byte[] {1}), 400, "epochs");
        assertPlainText(put(net, "/v1/blobs?epochs=-1", new byte[] {1}), 400, "epochs");
    }

    @Test
    void encodingTypesOtherThanTheSerdeNameRs2AreRejected() throws Exception {
        for (String bad : List.of("rs3", "rs2", "RedStuffRaptorQ", "reed-solomon")) {
            assertPlainText(put(net, "/v1/blobs?encoding_type=" + bad, new byte[] {1}), 400, "encoding_type");
        }
        assertThat(store(random(20, 6), "encoding_type=RS2").has("newlyCreated"))
                .isTrue();
    }

    @Test
    void flagsThatAreNotTrueOrFalseAndRepeatedParametersAreRejected() throws Exception {
        assertPlainText(put(net, "/v1/blobs?permanent=yes", new byte[] {1}), 400, "permanent");
        assertPlainText(put(net, "/v1/blobs?force", new byte[] {1}), 400, "force");
        assertPlainText(put(net, "/v1/blobs?epochs=1&epochs=2", new byte[] {1}), 400, "duplicate field `epochs`");
        assertPlainText(put(net, "/v1/blobs?send_object_to=0xabc", new byte[] {1}), 400, "send_object_to");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        HttpResponse<byte[]> r = put(small, "/v1/blobs", new byte[(int) SMALL_BODY_LIMIT + 1000]);

        assertPlainText(r, 413, "length limit exceeded");
    }

    /**
     * The first store holds the only permit while its body is still arriving (sent by hand on a raw socket), so a
     * second store is refused; the first finishes normally once its body is complete.
     */
    @Test
    void aStoreBeyondTheConcurrencyLimitGetsThePlainText429() throws Exception {
        byte[] slowBody = random(1000, 7);
        URI base = small.publisherUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /v1/blobs?epochs=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + slowBody.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(slowBody, 0, 10);
            out.flush();

            HttpResponse<byte[]> refused = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (refused == null && System.nanoTime() < deadline) {
                HttpResponse<byte[]> r = put(small, "/v1/blobs?permanent=true", new byte[] {9});
                if (r.statusCode() == 429) {
                    refused = r;
                } else {
                    assertThat(r.statusCode())
                            .as(new String(r.body(), StandardCharsets.UTF_8))
                            .isEqualTo(200);
                }
            }
            assertThat(refused)
                    .as("a 429 while the slow store holds the permit")
                    .isNotNull();
            assertPlainText(refused, 429, "the publisher is receiving too many requests; please try again later");

            out.write(slowBody, 10, slowBody.length - 10);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").contains("newlyCreated");
        }
    }

    // ---- reads ----

    @Test
    void aFullReadCarriesTheReadHeadersAndMirrorsAccept() throws Exception {
        byte[] data = random(2000, 8);
        String id = blobId(store(data, "epochs=1"));

        HttpResponse<byte[]> r = get(net, "/v1/blobs/" + id, Map.of("Accept", "image/png"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(data);
        assertThat(r.headers().firstValue("ETag")).hasValue(id);
        assertThat(r.headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=86400, stale-while-revalidate=3600");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void contentTypeMirrorsTheRequestContentTypeWhenAcceptHasAWildcardAndIsAbsentOtherwise() throws Exception {
        String id = blobId(store(random(100, 9), "epochs=1"));

        HttpResponse<byte[]> mirrored =
                get(net, "/v1/blobs/" + id, Map.of("Accept", "*/*", "Content-Type", "text/csv"));
        HttpResponse<byte[]> none = get(net, "/v1/blobs/" + id, Map.of());

        assertThat(mirrored.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(none.headers().firstValue("Content-Type")).isEmpty();
    }

    @Test
    void aClosedRangeIsA206WithContentRange() throws Exception {
        byte[] data = random(1000, 10);
        String id = blobId(store(data, "epochs=1"));

        HttpResponse<byte[]> r = get(net, "/v1/blobs/" + id, Map.of("Range", "bytes=100-199"));

        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(java.util.Arrays.copyOfRange(data, 100, 200));
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 100-199/1000");
        assertThat(r.headers().firstValue("Content-Length")).hasValue("100");
        assertThat(r.headers().firstValue("ETag")).hasValue(id);
    }

    @Test
    void unsupportedRangeFormsAndRangesPastTheEndAre416() throws Exception {
        String id = blobId(store(random(1000, 11), "epochs=1"));

        for (String range :
                List.of("bytes=500-", "bytes=-100", "bytes=0-1,5-6", "bytes=9-3", "items=0-1", "bytes=990-1000")) {
            assertAip193(
                    get(net, "/v1/blobs/" + id, Map.of("Range", range)),
                    416,
                    "RANGE_NOT_SATISFIABLE",
                    "INVALID_BYTE_RANGE");
        }
    }

    @Test
    void theByteRangeRouteAnswers200WithAnEtagNamingTheRange() throws Exception {
        byte[] data = random(1000, 12);
        String id = blobId(store(data, "epochs=1"));

        HttpResponse<byte[]> r = get(net, "/v1/blobs/" + id + "/byte-range?start=10&length=20", Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(java.util.Arrays.copyOfRange(data, 10, 30));
        assertThat(r.headers().firstValue("ETag")).hasValue(id + "-10-20");
        assertThat(r.headers().firstValue("Cache-Control")).isPresent();
    }

    @Test
    void theByteRangeRouteRejectsZeroLengthRangesPastTheEndAndMissingParameters() throws Exception {
        String id = blobId(store(random(100, 13), "epochs=1"));

        assertAip193(
                get(net, "/v1/blobs/" + id + "/byte-range?start=0&length=0", Map.of()),
                400,
                "INVALID_ARGUMENT",
                "INVALID_BYTE_RANGE");
        assertAip193(
                get(net, "/v1/blobs/" + id + "/byte-range?start=90&length=11", Map.of()),
                400,
                "INVALID_ARGUMENT",
                "INVALID_BYTE_RANGE");
        assertPlainText(get(net, "/v1/blobs/" + id + "/byte-range?start=0", Map.of()), 400, "missing field `length`");
        assertPlainText(get(net, "/v1/blobs/" + id + "/byte-range?start=-1&length=5", Map.of()), 400, "start");
    }

    @Test
    void strictAndSkipConsistencyChecksTogetherAreRejected() throws Exception {
        String id = blobId(store(random(100, 14), "epochs=1"));

        assertAip193(
                get(net, "/v1/blobs/" + id + "?strict_consistency_check=true&skip_consistency_check=true", Map.of()),
                400,
                "INVALID_ARGUMENT",
                "INVALID_CONSISTENCY_CHECK");
        assertThat(get(net, "/v1/blobs/" + id + "?strict_consistency_check=true", Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUnknownReadParameterIsAPlainText400() throws Exception {
        String id = blobId(store(random(100, 15), "epochs=1"));

        assertPlainText(get(net, "/v1/blobs/" + id + "?fast=true", Map.of()), 400, "unknown field `fast`");
    }

    @Test
    void anUnknownBlobIs404WithTheAip193BodyOfTheDocs() throws Exception {
        String unknown = new BlobEncoder().blobId(random(10, 16), SHARDS).toString();

        HttpResponse<byte[]> r = get(net, "/v1/blobs/" + unknown, Map.of());

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertSameShape(golden("blob-not-found.json"), body);
        assertThat(body).isEqualTo(golden("blob-not-found.json"));
    }

    @Test
    void statusAnswersOk() throws Exception {
        HttpResponse<byte[]> r = get(net, "/status", Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("OK");
    }

    @Test
    void unknownRoutesAre404OtherMethodsAre405AndEveryAnswerAllowsAnyOrigin() throws Exception {
        String id = blobId(store(random(40, 28), "epochs=1"));

        HttpResponse<byte[]> unknown = get(net, "/v2/blobs/" + id, Map.of());
        HttpResponse<byte[]> delete = HTTP.send(
                HttpRequest.newBuilder(URI.create(net.aggregatorUri() + "/v1/blobs/" + id))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> preflight = HTTP.send(
                HttpRequest.newBuilder(URI.create(net.publisherUri() + "/v1/blobs"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://example.com")
                        .header("Access-Control-Request-Method", "PUT")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEmpty();
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET,HEAD");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("86400");
        for (HttpResponse<byte[]> r : List.of(unknown, delete, preflight, get(net, "/v1/blobs/" + id, Map.of()))) {
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        }
    }

    @Test
    void byObjectIdServesTheBytesWithTheAllowedAttributeHeadersOnly() throws Exception {
        byte[] data = random(700, 17);
        JsonNode created = store(data, "epochs=2&send_object_to=" + user.address());
        SuiAddress objectId =
                SuiAddress.parse(created.at("/newlyCreated/blobObject/id").asText());
        setAttributes(
                objectId,
                Map.of(
                        "content-type", "text/plain",
                        "Content-Disposition", "attachment; filename=\"a.txt\"",
                        "x-secret", "no"));

        HttpResponse<byte[]> r = get(net, "/v1/blobs/by-object-id/" + objectId, Map.of());
        HttpResponse<byte[]> accepting =
                get(net, "/v1/blobs/by-object-id/" + objectId, Map.of("Accept", "application/x-tar"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(data);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"a.txt\"");
        assertThat(r.headers().firstValue("x-secret")).isEmpty();
        assertThat(r.headers().firstValue("ETag")).hasValue(blobId(created));
        assertThat(accepting.headers().firstValue("Content-Type"))
                .as("an attribute does not overwrite a mirrored header")
                .hasValue("application/x-tar");
    }

    @Test
    void byObjectIdValidatesItsReadOptionsAndAnswers404ForUnknownObjects() throws Exception {
        JsonNode created = store(random(50, 18), "epochs=1");
        String objectId = created.at("/newlyCreated/blobObject/id").asText();

        assertPlainText(get(net, "/v1/blobs/by-object-id/" + objectId + "?x=1", Map.of()), 400, "unknown field");
        assertAip193(
                get(net, "/v1/blobs/by-object-id/0x" + "77".repeat(32), Map.of()), 404, "NOT_FOUND", "BLOB_NOT_FOUND");
    }

    // ---- quilts ----

    @Test
    void aQuiltStoreAnswersTheDocsShapeWithTheRealQuiltIdAndTagsTheBlobObject() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("walrus.jpg", random(3000, 19));
        files.put("another_walrus.jpg", random(5000, 20));
        String metadata = "[{\"identifier\": \"walrus.jpg\", \"tags\": {\"content-type\": \"image/jpeg\", \"n\": 3}}]";

        HttpResponse<byte[]> r = putQuilt("epochs=2", files, metadata);

        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        JsonNode result = JSON.readTree(r.body());
        assertSameShape(golden("quilt-store-result.json"), result);
        QuiltV1 expected = QuiltV1.encode(
                List.of(
                        new QuiltStoreBlob(
                                "walrus.jpg", files.get("walrus.jpg"), Map.of("content-type", "image/jpeg", "n", "3")),
                        QuiltStoreBlob.of("another_walrus.jpg", files.get("another_walrus.jpg"))),
                EncodingConfig.forShards(SHARDS));
        var quiltId = new BlobEncoder().blobId(expected.data(), SHARDS);
        assertThat(result.at("/blobStoreResult/newlyCreated/blobObject/blobId").asText())
                .isEqualTo(quiltId.toString());
        assertThat(result.at("/blobStoreResult/newlyCreated/blobObject/size").asLong())
                .isEqualTo(expected.data().length);
        List<String> stored = new ArrayList<>();
        result.get("storedQuiltBlobs")
                .forEach(p -> stored.add(p.get("identifier").asText() + " "
                        + p.get("quiltPatchId").asText() + " " + p.get("range")));
        assertThat(stored)
                .containsExactlyElementsOf(expected.patches().stream()
                        .map(p -> p.identifier() + " " + p.patchId(quiltId) + " [" + p.startIndex() + "," + p.endIndex()
                                + "]")
                        .toList());
        ChainObject blobObject = net.chain()
                .object(SuiAddress.parse(
                        result.at("/blobStoreResult/newlyCreated/blobObject/id").asText()))
                .orElseThrow();
        assertThat(attributes(blobObject.id())).containsEntry("_walrusBlobType", "quilt");
    }

    @Test
    void quiltPatchesAreReadByPatchIdAndByIdentifierWithTheirHeaders() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("notes/read me.txt", random(800, 21));
        files.put("b.bin", random(90, 22));
        String metadata = "[{\"identifier\": \"notes/read me.txt\", "
                + "\"tags\": {\"content-type\": \"text/plain\", \"owner\": \"alice\"}}]";
        JsonNode result = JSON.readTree(putQuilt("epochs=1", files, metadata).body());
        String quiltId =
                result.at("/blobStoreResult/newlyCreated/blobObject/blobId").asText();
        String patchId = patchIdOf(result, "notes/read me.txt");

        HttpResponse<byte[]> byPatch = get(net, "/v1/blobs/by-quilt-patch-id/" + patchId, Map.of());
        HttpResponse<byte[]> byIdentifier =
                get(net, "/v1/blobs/by-quilt-id/" + quiltId + "/notes%2Fread%20me.txt", Map.of());
        HttpResponse<byte[]> other = get(net, "/v1/blobs/by-quilt-patch-id/" + patchIdOf(result, "b.bin"), Map.of());

        for (HttpResponse<byte[]> r : List.of(byPatch, byIdentifier)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(files.get("notes/read me.txt"));
            assertThat(r.headers().firstValue("X-Quilt-Patch-Identifier")).hasValue("notes/read me.txt");
            assertThat(r.headers().firstValue("ETag")).hasValue(quiltId);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
            assertThat(r.headers().firstValue("owner"))
                    .as("not an allowed header")
                    .isEmpty();
            assertThat(r.headers().firstValue("Cache-Control")).isPresent();
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(other.body()).isEqualTo(files.get("b.bin"));
        assertThat(other.headers().firstValue("X-Quilt-Patch-Identifier")).hasValue("b.bin");
    }

    @Test
    void listingAQuiltsPatchesAnswersSnakeCasePatchIdsAndTags() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("z", random(10, 23));
        files.put("a", random(20, 24));
        JsonNode result =
                JSON.readTree(putQuilt("epochs=1", files, "[{\"identifier\": \"z\", \"tags\": {\"k\": \"v\"}}]")
                        .body());
        String quiltId =
                result.at("/blobStoreResult/newlyCreated/blobObject/blobId").asText();

        HttpResponse<byte[]> r = get(net, "/v1/quilts/" + quiltId + "/patches", Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(r.body());
        assertSameShape(golden("quilt-patches.json"), list);
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("identifier").asText()).isEqualTo("a");
        assertThat(list.get(1).get("patch_id").asText()).isEqualTo(patchIdOf(result, "z"));
        assertThat(list.get(1).get("tags")).isEqualTo(JSON.readTree("{\"k\": \"v\"}"));
    }

    @Test
    void storingTheSamePermanentQuiltAgainAnswersAlreadyCertifiedWithItsPatches() throws Exception {
        Map<String, byte[]> files = Map.of("only", random(64, 25));
        JsonNode first = JSON.readTree(putQuilt("permanent=true", files, null).body());

        JsonNode again = JSON.readTree(putQuilt("permanent=true", files, null).body());

        assertSameShape(golden("already-certified-event.json"), again.get("blobStoreResult"));
        assertThat(again.get("storedQuiltBlobs")).isEqualTo(first.get("storedQuiltBlobs"));
    }

    @Test
    void malformedQuiltFormsAreRejected() throws Exception {
        assertAip193(putQuilt("", Map.of(), null), 400, "INVALID_ARGUMENT", "MALFORMED_REQUEST");
        assertAip193(
                putQuilt("", Map.of("a", new byte[] {1}), "[{\"identifier\": \"a\"}, {\"identifier\": \"a\"}]"),
                400,
                "INVALID_ARGUMENT",
                "MALFORMED_REQUEST");
        assertAip193(
                putQuilt("", Map.of("trailing ", new byte[] {1}), null), 400, "INVALID_ARGUMENT", "MALFORMED_REQUEST");
        assertAip193(
                putQuilt("", Map.of("a", new byte[] {1}), "{\"identifier\": \"a\"}"),
                400,
                "INVALID_ARGUMENT",
                "MALFORMED_REQUEST");
        Map<String, byte[]> seven = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            seven.put("p" + i, new byte[] {(byte) i});
        }
        assertAip193(putQuilt("", seven, null), 400, "INVALID_ARGUMENT", "MALFORMED_REQUEST");
        assertPlainText(put(net, "/v1/quilts", new byte[] {1}), 400, "boundary");
        assertPlainText(putQuilt("colour=red", Map.of("a", new byte[] {1}), null), 400, "unknown field `colour`");
        assertAip193(
                putQuilt("permanent=true&deletable=true", Map.of("a", new byte[] {1}), null),
                400,
                "INVALID_ARGUMENT",
                "INVALID_BLOB_PERSISTENCE");
    }

    @Test
    void unknownQuiltsAndPatchesAre404() throws Exception {
        JsonNode result = JSON.readTree(
                putQuilt("epochs=1", Map.of("x", random(30, 26)), null).body());
        String quiltId =
                result.at("/blobStoreResult/newlyCreated/blobObject/blobId").asText();
        String unknownQuilt = new BlobEncoder().blobId(random(10, 27), SHARDS).toString();
        String otherRange = new QuiltPatchId(BlobId.parse(quiltId), 1, 1).toString();

        assertAip193(
                get(net, "/v1/blobs/by-quilt-id/" + quiltId + "/missing", Map.of()),
                404,
                "NOT_FOUND",
                "QUILT_PATCH_NOT_FOUND");
        assertAip193(
                get(net, "/v1/blobs/by-quilt-patch-id/" + otherRange, Map.of()),
                404,
                "NOT_FOUND",
                "QUILT_PATCH_NOT_FOUND");
        assertAip193(get(net, "/v1/quilts/" + unknownQuilt + "/patches", Map.of()), 404, "NOT_FOUND", "BLOB_NOT_FOUND");
        assertPlainText(get(net, "/v1/blobs/by-quilt-patch-id/notapatch", Map.of()), 400, "quilt patch ID");
    }

    // ---- helpers ----

    private static String patchIdOf(JsonNode quiltResult, String identifier) {
        for (JsonNode p : quiltResult.get("storedQuiltBlobs")) {
            if (p.get("identifier").asText().equals(identifier)) {
                return p.get("quiltPatchId").asText();
            }
        }
        throw new AssertionError("no patch " + identifier + " in " + quiltResult);
    }

    /** Sets attributes on a blob the user owns with a signed {@code insert_or_update_metadata_pair} transaction. */
    private static void setAttributes(SuiAddress blobObject, Map<String, String> attributes) throws Exception {
        ObjectRef gas = net.chain().fund(user.address()).coins().getFirst().ref();
        ProgrammableTransactionBuilder b = new ProgrammableTransactionBuilder();
        ObjectRef blob = net.chain().object(blobObject).orElseThrow().ref();
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            b.insertOrUpdateMetadataPair(net.chain().config().walrusPackageId(), blob, a.getKey(), a.getValue());
        }
        byte[] tx = b.build(
                        user.address(),
                        new GasData(
                                List.of(gas),
                                user.address(),
                                net.chain().config().referenceGasPrice(),
                                50_000_000),
                        new TransactionExpiration.None())
                .toBcs();
        ExecutedTransaction done = net.chain().execute(tx, List.of(user.serializedSignature(tx)));
        assertThat(attributes(blobObject)).as(done.toString()).containsAllEntriesOf(attributes);
    }

    private static Map<String, String> attributes(SuiAddress blobObject) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ChainObject field : net.chain().dynamicFields(blobObject)) {
            if (field.data() instanceof MetadataField m) {
                m.entries().forEach(e -> out.put(e.key(), e.value()));
            }
        }
        return out;
    }

    private static JsonNode store(byte[] data, String query) throws Exception {
        HttpResponse<byte[]> r = put(net, "/v1/blobs?" + query, data);
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String blobId(JsonNode created) {
        return created.at("/newlyCreated/blobObject/blobId").asText();
    }

    private static HttpResponse<byte[]> put(LocalWalrusNetwork on, String pathAndQuery, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(on.publisherUri() + pathAndQuery))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> putQuilt(String query, Map<String, byte[]> files, String metadata)
            throws Exception {
        String boundary = "walrus-sync-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                            + "\"; filename=\"" + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (metadata != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_metadata\"\r\n\r\n"
                            + metadata + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(net.publisherUri() + "/v1/quilts?" + query))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(LocalWalrusNetwork on, String pathAndQuery, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(on.aggregatorUri() + pathAndQuery));
        headers.forEach(b::header);
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertPlainText(HttpResponse<byte[]> r, int status, String contains) {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(body).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(body).contains(contains);
    }

    private static void assertAip193(HttpResponse<byte[]> r, int status, String statusName, String reason)
            throws IOException {
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(text).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertSameShape(golden("blob-not-found.json"), body);
        assertThat(body.at("/error/code").asInt()).isEqualTo(status);
        assertThat(body.at("/error/status").asText()).isEqualTo(statusName);
        assertThat(body.at("/error/details/0/reason").asText()).as(text).isEqualTo(reason);
        assertThat(body.at("/error/details/0/domain").asText()).isEqualTo("daemon.walrus.space");
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = WalrusDaemonIT.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + name);
            }
            return JSON.readTree(in);
        }
    }

    /** Keys that may be absent from the docs' examples (protocol.md §1.3, §1.4). */
    private static final Set<String> OPTIONAL_KEYS = Set.of("range", "sharedBlobObject");

    /** Keys whose value may be a number or null (protocol.md §1.3: {@code certifiedEpoch}). */
    private static final Set<String> NULLABLE_KEYS = Set.of("certifiedEpoch");

    /** Asserts that {@code actual} has the key sets, nesting and JSON types of {@code golden}; values may differ. */
    static void assertSameShape(JsonNode golden, JsonNode actual) {
        assertShape(golden, actual, "$", null);
    }

    /** Keys whose value is a free-form map of strings ({@code BTreeMap<String, String>}), not a fixed struct. */
    private static final Set<String> STRING_MAP_KEYS = Set.of("tags");

    private static void assertShape(JsonNode golden, JsonNode actual, String path, String key) {
        if (key != null && STRING_MAP_KEYS.contains(key)) {
            assertThat(actual.isObject())
                    .as("%s is an object, got %s", path, actual)
                    .isTrue();
            actual.properties()
                    .forEach(e -> assertThat(e.getValue().isTextual())
                            .as("%s.%s is a string", path, e.getKey())
                            .isTrue());
            return;
        }
        if (key != null && NULLABLE_KEYS.contains(key) && (golden.isNull() || actual.isNull())) {
            assertThat(actual.isNull() || actual.isIntegralNumber())
                    .as("%s is a number or null, got %s", path, actual)
                    .isTrue();
            return;
        }
        if (golden.isObject()) {
            assertThat(actual.isObject())
                    .as("%s is an object, got %s", path, actual)
                    .isTrue();
            Set<String> expected = new TreeSet<>();
            golden.fieldNames().forEachRemaining(expected::add);
            Set<String> got = new TreeSet<>();
            actual.fieldNames().forEachRemaining(got::add);
            Set<String> extra = new TreeSet<>(got);
            extra.removeAll(expected);
            extra.removeAll(OPTIONAL_KEYS);
            assertThat(got).as("keys of %s", path).containsAll(expected);
            assertThat(extra).as("unexpected keys of %s", path).isEmpty();
            for (String k : expected) {
                assertShape(golden.get(k), actual.get(k), path + "." + k, k);
            }
            if (got.contains("range") && !expected.contains("range")) {
                JsonNode range = actual.get("range");
                assertThat(range.isArray() && range.size() == 2 && range.get(0).isIntegralNumber())
                        .as("%s.range is [start, end]", path)
                        .isTrue();
            }
        } else if (golden.isArray()) {
            assertThat(actual.isArray())
                    .as("%s is an array, got %s", path, actual)
                    .isTrue();
            if (!golden.isEmpty()) {
                assertThat(actual).as("%s is not empty", path).isNotEmpty();
                Iterator<JsonNode> it = actual.elements();
                int i = 0;
                while (it.hasNext()) {
                    assertShape(golden.get(0), it.next(), path + "[" + i++ + "]", null);
                }
            }
        } else if (golden.isIntegralNumber()) {
            assertThat(actual.isIntegralNumber())
                    .as("%s is an integer, got %s", path, actual)
                    .isTrue();
        } else if (golden.isTextual()) {
            assertThat(actual.isTextual())
                    .as("%s is a string, got %s", path, actual)
                    .isTrue();
        } else if (golden.isBoolean()) {
            assertThat(actual.isBoolean())
                    .as("%s is a boolean, got %s", path, actual)
                    .isTrue();
        } else if (golden.isNull()) {
            assertThat(actual.isNull()).as("%s is null, got %s", path, actual).isTrue();
        } else {
            fail("unexpected golden node at " + path + ": " + golden);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
