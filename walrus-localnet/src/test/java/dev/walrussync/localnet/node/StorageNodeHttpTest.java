package dev.walrussync.localnet.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.walrus.encoding.BlobEncoder;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.EncodedBlob;
import dev.walrussync.walrus.encoding.ShardMapping;
import dev.walrussync.walrus.encoding.SliverType;
import dev.walrussync.walrus.node.ApiError;
import dev.walrussync.walrus.node.ApiSuccess;
import dev.walrussync.walrus.node.BlobPersistenceType;
import dev.walrussync.walrus.node.EventId;
import dev.walrussync.walrus.node.ProtocolMessage;
import dev.walrussync.walrus.node.SignedStorageConfirmation;
import dev.walrussync.walrus.node.StorageNodeRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives a {@link StorageNode} over real HTTP on loopback. */
class StorageNodeHttpTest {
    private static final int N = 10;
    private static final long EPOCH = 5;
    private static final long END_EPOCH = 8;
    private static final Set<Integer> SHARDS = Set.of(1, 4, 7);
    private static final EventId EVENT = new EventId("4aBnQ8dW3wCz5wqPbLgY3C6fKUrWq1JgGnJ6b7VY8Ekq", 0);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static EncodedBlob blob;
    private static EncodedBlob otherBlob;
    private static BlobId id;

    @TempDir
    Path dataDir;

    private TestChain chain;
    private StorageNode node;

    @BeforeAll
    static void encode() {
        Random random = new Random(42);
        byte[] bytes = new byte[5000];
        random.nextBytes(bytes);
        blob = new BlobEncoder(false).encode(bytes, N);
        byte[] other = new byte[700];
        random.nextBytes(other);
        otherBlob = new BlobEncoder(false).encode(other, N);
        id = blob.blobId();
    }

    @BeforeEach
    void startNode() throws IOException {
        chain = new TestChain(EPOCH);
        node = StorageNode.start(StorageNodeConfig.of("node-a", SHARDS, N, dataDir, 0, chain));
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    // ---- helpers

    /** A response: status, body and content type. */
    private record Reply(int status, byte[] body, String contentType) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        JsonNode data() {
            return ApiSuccess.parse(body).data();
        }

        ApiError error() {
            return ApiError.parse(body);
        }
    }

    private Reply send(String method, String path, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUri() + path));
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply get(String path) {
        return send("GET", path, null);
    }

    private Reply put(String path, byte[] body) {
        return send("PUT", path, body);
    }

    private void registerPermanent() {
        chain.register(id, BlobRegistration.permanent(END_EPOCH, EVENT));
    }

    /** The sliver pairs this node holds for the test blob, one per shard. */
    private static List<Integer> ownPairs() {
        ShardMapping mapping = ShardMapping.of(id, N);
        List<Integer> pairs = new ArrayList<>();
        for (int shard : new TreeSet<>(SHARDS)) {
            pairs.add(mapping.pairIndex(shard));
        }
        return pairs;
    }

    private static int foreignPair() {
        ShardMapping mapping = ShardMapping.of(id, N);
        for (int pair = 0; pair < N; pair++) {
            if (!SHARDS.contains(mapping.shardIndex(pair))) {
                return pair;
            }
        }
        throw new AssertionError("every shard is on the node");
    }

    private static byte[] sliverBcs(int pair, SliverType type) {
        return blob.sliver(type, blob.config().sliverIndex(type, pair)).toBcs();
    }

    private Reply putSliver(int pair, SliverType type) {
        return put(StorageNodeRoutes.sliver(id, pair, type), sliverBcs(pair, type));
    }

    private void storeEverything() {
        assertThat(put(StorageNodeRoutes.metadata(id), blob.metadata().toBcs()).status())
                .isEqualTo(201);
        for (int pair : ownPairs()) {
            for (SliverType type : SliverType.values()) {
                assertThat(putSliver(pair, type).status()).isEqualTo(201);
            }
        }
    }

    private static void assertError(Reply reply, int status, String reason) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        ApiError error = reply.error();
        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.httpCode()).isEqualTo(status);
    }

    private static void assertStorageError(Reply reply, int status, String reason) {
        assertError(reply, status, reason);
        assertThat(reply.error().domain()).isEqualTo("storage.walrus.space");
    }

    private List<Path> filesMentioning(BlobId blobId) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(p -> p.toString().contains(blobId.toString())).toList();
        }
    }

    /** Every field path of a JSON value: "a.b" for objects, "a[].b" for array elements. */
    private static Set<String> fieldPaths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(path);
                collect(e.getValue(), path, out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", out);
            }
        }
    }

    // ---- uploads and reads

    @Test
    void metadataAndSliversUploadedOverHttpReadBackByteIdenticallyAndStatusesTurnStored() {
        registerPermanent();
        assertThat(get(StorageNodeRoutes.metadataStatus(id)).data().asText()).isEqualTo("nonexistent");
        for (int pair : ownPairs()) {
            for (SliverType type : SliverType.values()) {
                assertThat(get(StorageNodeRoutes.sliverStatus(id, pair, type))
                                .data()
                                .asText())
                        .isEqualTo("nonexistent");
            }
        }

        Reply stored = put(StorageNodeRoutes.metadata(id), blob.metadata().toBcs());
        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.json().toString())
                .isEqualTo("{\"success\":{\"code\":201,\"data\":\"metadata successfully stored\"}}");
        for (int pair : ownPairs()) {
            for (SliverType type : SliverType.values()) {
                Reply reply = putSliver(pair, type);
                assertThat(reply.status()).isEqualTo(201);
                assertThat(reply.data().asText()).isEqualTo("sliver stored successfully");
            }
        }

        Reply metadata = get(StorageNodeRoutes.metadata(id));
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.contentType()).isEqualTo("application/octet-stream");
        assertThat(metadata.body()).isEqualTo(blob.metadata().toBcsWithBlobId());
        assertThat(get(StorageNodeRoutes.metadataStatus(id)).json().toString())
                .isEqualTo("{\"success\":{\"code\":200,\"data\":\"stored\"}}");
        for (int pair : ownPairs()) {
            for (SliverType type : SliverType.values()) {
                Reply sliver = get(StorageNodeRoutes.sliver(id, pair, type));
                assertThat(sliver.status()).isEqualTo(200);
                assertThat(sliver.body()).isEqualTo(sliverBcs(pair, type));
                assertThat(get(StorageNodeRoutes.sliverStatus(id, pair, type))
                                .data()
                                .asText())
                        .isEqualTo("stored");
            }
        }
    }

    @Test
    void repeatedUploadsAnswer200AlreadyStored() {
        registerPermanent();
        storeEverything();

        Reply metadata = put(StorageNodeRoutes.metadata(id), blob.metadata().toBcs());
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.data().asText()).isEqualTo("metadata already stored");
        Reply sliver = putSliver(ownPairs().get(0), SliverType.PRIMARY);
        assertThat(sliver.status()).isEqualTo(200);
        assertThat(sliver.data().asText()).isEqualTo("sliver already stored");
    }

    @Test
    void pendingUploadsOfRegisteredBlobsAnswer202() {
        registerPermanent();

        Reply metadata = put(
                StorageNodeRoutes.metadata(id) + "?pending=true",
                blob.metadata().toBcs());
        assertThat(metadata.status()).isEqualTo(202);
        assertThat(metadata.data().asText()).isEqualTo("metadata buffered pending registration");
        int pair = ownPairs().get(0);
        Reply sliver = put(
                StorageNodeRoutes.sliver(id, pair, SliverType.PRIMARY) + "?pending=true",
                sliverBcs(pair, SliverType.PRIMARY));
        assertThat(sliver.status()).isEqualTo(202);
    }

    // ---- confirmations

    @Test
    void confirmationAppearsOnlyOnceEverySliverOfTheNodesShardsIsStoredAndItsSignatureVerifies() {
        registerPermanent();
        assertStorageError(get(StorageNodeRoutes.permanentConfirmation(id)), 400, "MISSING_SLIVERS");
        put(StorageNodeRoutes.metadata(id), blob.metadata().toBcs());
        List<Integer> pairs = ownPairs();
        for (int i = 0; i < pairs.size(); i++) {
            putSliver(pairs.get(i), SliverType.PRIMARY);
            if (i < pairs.size() - 1) {
                putSliver(pairs.get(i), SliverType.SECONDARY);
            }
        }
        assertStorageError(get(StorageNodeRoutes.permanentConfirmation(id)), 400, "MISSING_SLIVERS");

        putSliver(pairs.get(pairs.size() - 1), SliverType.SECONDARY);
        Reply reply = get(StorageNodeRoutes.permanentConfirmation(id));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fieldPaths(reply.json()))
                .containsExactly(
                        "success",
                        "success.code",
                        "success.data",
                        "success.data.signed",
                        "success.data.signed.serializedMessage",
                        "success.data.signed.signature");
        SignedStorageConfirmation confirmation = SignedStorageConfirmation.fromJson(reply.data());
        assertThat(confirmation.message())
                .isEqualTo(ProtocolMessage.storageConfirmation(EPOCH, id, BlobPersistenceType.permanent()));
        assertThat(NodeKey.verify(node.publicKey(), confirmation.serializedMessage(), confirmation.signature()))
                .isTrue();
        byte[] tampered = confirmation.serializedMessage();
        tampered[3] ^= 1;
        assertThat(NodeKey.verify(node.publicKey(), tampered, confirmation.signature()))
                .isFalse();
    }

    @Test
    void deletableConfirmationSignsTheObjectIdOfThePath() {
        byte[] objectId = new byte[32];
        Arrays.fill(objectId, (byte) 0x5c);
        chain.register(id, BlobRegistration.deletable(END_EPOCH, objectId, EVENT));
        storeEverything();

        Reply reply = get(StorageNodeRoutes.deletableConfirmation(id, objectId));

        assertThat(reply.status()).isEqualTo(200);
        SignedStorageConfirmation confirmation = SignedStorageConfirmation.fromJson(reply.data());
        assertThat(confirmation.message())
                .isEqualTo(ProtocolMessage.storageConfirmation(EPOCH, id, BlobPersistenceType.deletable(objectId)));
        assertThat(NodeKey.verify(node.publicKey(), confirmation.serializedMessage(), confirmation.signature()))
                .isTrue();
    }

    @Test
    void confirmationForAnUnregisteredBlobIsRefusedAfterWaitingAsLongAsAsked() {
        assertStorageError(get(StorageNodeRoutes.permanentConfirmation(id)), 400, "NOT_REGISTERED");

        long start = System.nanoTime();
        assertStorageError(
                get(StorageNodeRoutes.permanentConfirmation(id) + "?wait_for_registration=true&wait_millis=100"),
                400,
                "NOT_REGISTERED");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(100_000_000L);
        assertStorageError(
                get(StorageNodeRoutes.permanentConfirmation(id) + "?wait_for_registration=true&wait_millis=soon"),
                400,
                "INVALID_QUERY_PARAMETER");
    }

    @Test
    void confirmationWaitsForTheRegistrationWhenAskedTo() throws InterruptedException {
        registerPermanent();
        storeEverything();
        chain.remove(id);
        Thread registrar = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            registerPermanent();
        });

        Reply reply = get(StorageNodeRoutes.permanentConfirmation(id) + "?wait_for_registration=true&wait_millis=5000");

        registrar.join();
        assertThat(reply.status()).isEqualTo(200);
    }

    // ---- rejected uploads

    @Test
    void uploadsForUnregisteredOrExpiredBlobsAreRejected() {
        Reply unregistered = put(StorageNodeRoutes.metadata(id), blob.metadata().toBcs());
        assertStorageError(unregistered, 400, "NOT_REGISTERED");
        assertThat(unregistered.error().status().wireName()).isEqualTo("FAILED_PRECONDITION");
        assertThat(unregistered.error().message()).contains("not been registered or has already expired");

        chain.register(id, BlobRegistration.permanent(EPOCH, EVENT));
        assertStorageError(put(StorageNodeRoutes.metadata(id), blob.metadata().toBcs()), 400, "NOT_REGISTERED");
        assertStorageError(putSliver(ownPairs().get(0), SliverType.PRIMARY), 400, "NOT_REGISTERED");
    }

    @Test
    void sliversBeforeMetadataAreRejected() {
        registerPermanent();

        assertStorageError(putSliver(ownPairs().get(0), SliverType.PRIMARY), 400, "METADATA_NOT_FOUND");
    }

    @Test
    void sliverPairsOnShardsOfOtherNodesAreRejectedAsRealNodesDo() {
        registerPermanent();
        put(StorageNodeRoutes.metadata(id), blob.metadata().toBcs());
        int pair = foreignPair();

        Reply upload = putSliver(pair, SliverType.PRIMARY);
        assertStorageError(upload, 400, "SHARD_NOT_ASSIGNED");
        assertThat(upload.error().message())
                .isEqualTo("shard " + ShardMapping.of(id, N).shardIndex(pair)
                        + " is not assigned to this node in epoch " + EPOCH);
        assertStorageError(get(StorageNodeRoutes.sliver(id, pair, SliverType.SECONDARY)), 400, "SHARD_NOT_ASSIGNED");
        assertStorageError(
                get(StorageNodeRoutes.sliverStatus(id, pair, SliverType.SECONDARY)), 400, "SHARD_NOT_ASSIGNED");
        assertStorageError(get(StorageNodeRoutes.sliver(id, N, SliverType.PRIMARY)), 400, "INDEX_OUT_OF_RANGE");
    }

    @Test
    void tamperedOrMisplacedSliversAreRejectedAndNotStored() {
        registerPermanent();
        put(StorageNodeRoutes.metadata(id), blob.metadata().toBcs());
        int pair = ownPairs().get(0);

        byte[] tampered = sliverBcs(pair, SliverType.PRIMARY);
        tampered[10] ^= 0x01;
        assertStorageError(
                put(StorageNodeRoutes.sliver(id, pair, SliverType.PRIMARY), tampered), 400, "INVALID_SLIVER");
        byte[] tamperedSecondary = sliverBcs(pair, SliverType.SECONDARY);
        tamperedSecondary[tamperedSecondary.length - 10] ^= 0x01;
        assertStorageError(
                put(StorageNodeRoutes.sliver(id, pair, SliverType.SECONDARY), tamperedSecondary),
                400,
                "INVALID_SLIVER");
        int otherPair = ownPairs().get(1);
        assertStorageError(
                put(StorageNodeRoutes.sliver(id, pair, SliverType.PRIMARY), sliverBcs(otherPair, SliverType.PRIMARY)),
                400,
                "INVALID_SLIVER");
        assertStorageError(
                put(
                        StorageNodeRoutes.sliver(id, pair, SliverType.PRIMARY),
                        otherBlob.sliver(SliverType.PRIMARY, pair).toBcs()),
                400,
                "INVALID_SLIVER");
        assertStorageError(
                put(StorageNodeRoutes.sliver(id, pair, SliverType.PRIMARY), new byte[] {1, 2, 3}),
                400,
                "MALFORMED_BODY");

        assertThat(get(StorageNodeRoutes.sliverStatus(id, pair, SliverType.PRIMARY))
                        .data()
                        .asText())
                .isEqualTo("nonexistent");
        assertStorageError(get(StorageNodeRoutes.sliver(id, pair, SliverType.PRIMARY)), 404, "SLIVER_NOT_FOUND");
    }

    @Test
    void metadataThatDoesNotHashToTheBlobIdIsRejected() {
        registerPermanent();

        Reply reply = put(StorageNodeRoutes.metadata(id), otherBlob.metadata().toBcs());

        assertStorageError(reply, 400, "INVALID_METADATA");
        assertThat(reply.error().message()).contains(otherBlob.blobId().toString());
        assertStorageError(put(StorageNodeRoutes.metadata(id), new byte[] {0}), 400, "MALFORMED_BODY");
        assertStorageError(get(StorageNodeRoutes.metadata(id)), 404, "METADATA_NOT_FOUND");
    }

    @Test
    void metadataWithTheRetiredRaptorQEncodingIsRejected() {
        registerPermanent();
        byte[] raptorQ = blob.metadata().toBcs();
        raptorQ[1] = 0;

        assertStorageError(put(StorageNodeRoutes.metadata(id), raptorQ), 400, "UNSUPPORTED_ENCODING_TYPE");
    }

    // ---- expiry and restart

    @Test
    void expirySweepDeletesTheBlobsFilesAndReadsThenGive404() throws IOException {
        registerPermanent();
        storeEverything();
        assertThat(filesMentioning(id)).isNotEmpty();

        chain.setEpoch(END_EPOCH - 1);
        assertThat(node.sweepExpired()).isZero();
        assertThat(get(StorageNodeRoutes.metadata(id)).status()).isEqualTo(200);

        chain.setEpoch(END_EPOCH);
        assertThat(node.sweepExpired()).isEqualTo(1);

        assertThat(filesMentioning(id)).isEmpty();
        assertStorageError(get(StorageNodeRoutes.metadata(id)), 404, "METADATA_NOT_FOUND");
        int pair = ownPairs().get(0);
        assertStorageError(get(StorageNodeRoutes.sliver(id, pair, SliverType.PRIMARY)), 404, "SLIVER_NOT_FOUND");
        assertThat(get(StorageNodeRoutes.metadataStatus(id)).data().asText()).isEqualTo("nonexistent");
        assertThat(get(StorageNodeRoutes.blobStatus(id)).data().asText()).isEqualTo("nonexistent");
    }

    @Test
    void expiredBlobsAreNotServedEvenBeforeTheSweep() {
        registerPermanent();
        storeEverything();

        chain.setEpoch(END_EPOCH);

        assertStorageError(get(StorageNodeRoutes.metadata(id)), 404, "METADATA_NOT_FOUND");
        assertStorageError(get(StorageNodeRoutes.permanentConfirmation(id)), 400, "NOT_REGISTERED");
    }

    @Test
    void aNodeRestartedOnItsDataDirServesWhatItStoredWithTheSameKey() throws IOException {
        registerPermanent();
        storeEverything();
        byte[] key = node.publicKey();
        node.close();

        node = StorageNode.start(StorageNodeConfig.of("node-a", SHARDS, N, dataDir, 0, chain));

        assertThat(node.publicKey()).isEqualTo(key);
        assertThat(get(StorageNodeRoutes.metadata(id)).body())
                .isEqualTo(blob.metadata().toBcsWithBlobId());
        for (int pair : ownPairs()) {
            assertThat(get(StorageNodeRoutes.sliver(id, pair, SliverType.SECONDARY))
                            .body())
                    .isEqualTo(sliverBcs(pair, SliverType.SECONDARY));
        }
        assertThat(get(StorageNodeRoutes.permanentConfirmation(id)).status()).isEqualTo(200);
    }

    // ---- health and status shapes

    /** The example of protocol.md §2.6. */
    private static final String HEALTH_EXAMPLE = "{\"success\":{\"code\":200,\"data\":{"
            + "\"uptime\":{\"secs\":12345,\"nanos\":0},\"epoch\":42,"
            + "\"publicKey\":\"<base64 BLS12-381 public key>\",\"nodeStatus\":\"Active\","
            + "\"eventProgress\":{\"persisted\":123,\"pending\":0,\"highestFinishedEventIndex\":123},"
            + "\"shardSummary\":{\"owned\":10,\"ownedShardStatus\":{\"unknown\":0,\"ready\":10,\"inTransfer\":0,"
            + "\"inRecovery\":0},\"readOnly\":0},"
            + "\"shardDetail\":{\"owned\":[{\"shard\":3,\"status\":\"ready\"}],\"other\":[]},"
            + "\"latestCheckpointSequenceNumber\":999}}}";

    @Test
    void detailedHealthHasExactlyTheFieldsOfTheProtocolExampleWithRealFigures() throws IOException {
        chain.setProgress(124, 999);

        Reply reply = get(StorageNodeRoutes.HEALTH + "?detailed=true");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fieldPaths(reply.json())).isEqualTo(fieldPaths(MAPPER.readTree(HEALTH_EXAMPLE)));
        JsonNode data = reply.data();
        assertThat(data.get("epoch").asLong()).isEqualTo(EPOCH);
        assertThat(data.get("nodeStatus").asText()).isEqualTo("Active");
        assertThat(Base64.getDecoder().decode(data.get("publicKey").asText())).isEqualTo(node.publicKey());
        assertThat(data.get("uptime").get("secs").asLong()).isBetween(0L, 60L);
        assertThat(data.get("uptime").get("nanos").asLong()).isBetween(0L, 999_999_999L);
        assertThat(data.get("eventProgress").get("highestFinishedEventIndex").asLong())
                .isEqualTo(123);
        JsonNode summary = data.get("shardSummary");
        assertThat(summary.get("owned").asInt()).isEqualTo(SHARDS.size());
        assertThat(summary.get("ownedShardStatus").get("ready").asInt()).isEqualTo(SHARDS.size());
        List<Integer> detailShards = new ArrayList<>();
        data.get("shardDetail").get("owned").forEach(s -> {
            detailShards.add(s.get("shard").asInt());
            assertThat(s.get("status").asText()).isEqualTo("ready");
        });
        assertThat(detailShards).containsExactly(1, 4, 7);
        assertThat(data.get("latestCheckpointSequenceNumber").asLong()).isEqualTo(999);
    }

    @Test
    void plainHealthOmitsShardDetailAndAnUnknownCheckpoint() throws IOException {
        Reply reply = get(StorageNodeRoutes.HEALTH);

        Set<String> expected = fieldPaths(MAPPER.readTree(HEALTH_EXAMPLE));
        expected.removeIf(p ->
                p.startsWith("success.data.shardDetail") || p.equals("success.data.latestCheckpointSequenceNumber"));
        assertThat(fieldPaths(reply.json())).isEqualTo(expected);
        assertThat(reply.data()
                        .get("eventProgress")
                        .get("highestFinishedEventIndex")
                        .isNull())
                .isTrue();
    }

    /** The permanent and deletable examples of protocol.md §2.5. */
    private static final String PERMANENT_EXAMPLE = "{\"success\":{\"code\":200,\"data\":{\"permanent\":{"
            + "\"endEpoch\":35,\"isCertified\":true,\"statusEvent\":{\"txDigest\":\"…\",\"eventSeq\":\"0\"},"
            + "\"deletableCounts\":{\"count_deletable_total\":0,\"count_deletable_certified\":0},"
            + "\"initialCertifiedEpoch\":34}}}}";

    private static final String DELETABLE_EXAMPLE = "{\"success\":{\"code\":200,\"data\":{\"deletable\":{"
            + "\"initialCertifiedEpoch\":34,"
            + "\"deletableCounts\":{\"count_deletable_total\":2,\"count_deletable_certified\":1}}}}}";

    @Test
    void blobStatusOfAnUnknownBlobIsTheNonexistentString() {
        assertThat(get(StorageNodeRoutes.blobStatus(id)).json().toString())
                .isEqualTo("{\"success\":{\"code\":200,\"data\":\"nonexistent\"}}");
    }

    @Test
    void blobStatusOfACertifiedPermanentBlobHasTheProtocolExampleShape() throws IOException {
        chain.register(id, BlobRegistration.permanent(END_EPOCH, EVENT).certified(EPOCH - 1, new EventId("Cert", 2)));

        Reply reply = get(StorageNodeRoutes.blobStatus(id));

        assertThat(fieldPaths(reply.json())).isEqualTo(fieldPaths(MAPPER.readTree(PERMANENT_EXAMPLE)));
        assertThat(reply.json())
                .isEqualTo(MAPPER.readTree("{\"success\":{\"code\":200,\"data\":{\"permanent\":{"
                        + "\"endEpoch\":" + END_EPOCH + ",\"isCertified\":true,"
                        + "\"statusEvent\":{\"txDigest\":\"Cert\",\"eventSeq\":\"2\"},"
                        + "\"deletableCounts\":{\"count_deletable_total\":0,\"count_deletable_certified\":0},"
                        + "\"initialCertifiedEpoch\":" + (EPOCH - 1) + "}}}}"));
    }

    @Test
    void blobStatusOfARegisteredPermanentBlobHasANullCertifiedEpoch() {
        registerPermanent();

        JsonNode permanent = get(StorageNodeRoutes.blobStatus(id)).data().get("permanent");

        assertThat(permanent.get("isCertified").asBoolean()).isFalse();
        assertThat(permanent.get("initialCertifiedEpoch").isNull()).isTrue();
    }

    @Test
    void blobStatusOfACertifiedDeletableBlobHasTheProtocolExampleShape() throws IOException {
        chain.register(
                id, BlobRegistration.deletable(END_EPOCH, new byte[32], EVENT).certified(EPOCH, EVENT));

        Reply reply = get(StorageNodeRoutes.blobStatus(id));

        assertThat(fieldPaths(reply.json())).isEqualTo(fieldPaths(MAPPER.readTree(DELETABLE_EXAMPLE)));
        assertThat(reply.data()
                        .get("deletable")
                        .get("deletableCounts")
                        .get("count_deletable_certified")
                        .asInt())
                .isEqualTo(1);
    }

    // ---- routing

    @Test
    void unknownRoutesGive404WithAnAip193Body() {
        assertError(get("/v1/nope"), 404, "ROUTE_NOT_FOUND");
        assertError(get("/v1/blobs/" + id + "/whatever"), 404, "ROUTE_NOT_FOUND");
        assertError(get("/v1/health/"), 404, "ROUTE_NOT_FOUND");
        assertError(get("/"), 404, "ROUTE_NOT_FOUND");
    }

    @Test
    void malformedPathParametersGive400AndWrongMethods405() {
        assertStorageError(get("/v1/blobs/not-a-blob-id/metadata"), 400, "INVALID_PATH_PARAMETER");
        assertStorageError(get("/v1/blobs/" + id + "/slivers/x/primary"), 400, "INVALID_PATH_PARAMETER");
        assertStorageError(get("/v1/blobs/" + id + "/slivers/0/tertiary"), 400, "INVALID_PATH_PARAMETER");
        assertStorageError(get("/v1/blobs/" + id + "/confirmation/deletable/0xzz"), 400, "INVALID_PATH_PARAMETER");
        Reply post = send("POST", StorageNodeRoutes.metadata(id), new byte[0]);
        assertThat(post.status()).isEqualTo(405);
        assertThat(send("DELETE", StorageNodeRoutes.HEALTH, null).status()).isEqualTo(405);
    }

    @Test
    void theNodeListensOnLoopbackOnAnEphemeralPortAndServesItsApiPage() {
        assertThat(node.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(node.port()).isPositive();
        Reply page = get(StorageNodeRoutes.API_DOCS);
        assertThat(page.status()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("/v1/blobs/{blob_id}/metadata");
    }
}
