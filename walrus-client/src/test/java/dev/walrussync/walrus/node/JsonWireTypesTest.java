package dev.walrussync.walrus.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON wire types reproduce the shapes of protocol.md §2.5, §2.6 and the Walrus AIP-193 error example. */
class JsonWireTypesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DIGEST = "4aBnQ8dW3wCz5wqPbLgY3C6fKUrWq1JgGnJ6b7VY8Ekq";

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace("…", DIGEST));
    }

    /** The node as it reads back from its serialised text (so that int and long nodes compare equal). */
    private static JsonNode written(JsonNode node) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsBytes(node));
    }

    /** The four examples of protocol.md §2.5, verbatim but for the elided digest. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"success\":{\"code\":200,\"data\":\"nonexistent\"}}",
                "{\"success\":{\"code\":200,\"data\":{\"invalid\":{\"event\":{\"txDigest\":\"…\",\"eventSeq\":\"0\"}}}}}",
                "{\"success\":{\"code\":200,\"data\":{\"permanent\":{\"endEpoch\":35,\"isCertified\":true,"
                        + "\"statusEvent\":{\"txDigest\":\"…\",\"eventSeq\":\"0\"},"
                        + "\"deletableCounts\":{\"count_deletable_total\":0,\"count_deletable_certified\":0},"
                        + "\"initialCertifiedEpoch\":34}}}}",
                "{\"success\":{\"code\":200,\"data\":{\"deletable\":{\"initialCertifiedEpoch\":34,"
                        + "\"deletableCounts\":{\"count_deletable_total\":2,\"count_deletable_certified\":1}}}}}"
            })
    void blobStatusRoundTripsTheProtocolExamplesExactly(String example) throws Exception {
        JsonNode expected = json(example);

        ApiSuccess parsed = ApiSuccess.parse(example.replace("…", DIGEST).getBytes(StandardCharsets.UTF_8));
        BlobStatus status = BlobStatus.fromJson(parsed.data());
        JsonNode written = MAPPER.readTree(new ApiSuccess(200, status.toJson()).toBytes());

        assertThat(written).isEqualTo(expected);
    }

    @Test
    void blobStatusKeepsDeletableCountsSnakeCaseAndWritesAMissingCertifiedEpochAsNull() throws Exception {
        BlobStatus registered =
                new BlobStatus.Permanent(9, false, new EventId(DIGEST, 3), DeletableCounts.NONE, OptionalLong.empty());

        assertThat(written(registered.toJson()))
                .isEqualTo(json("{\"permanent\":{\"endEpoch\":9,\"isCertified\":false,"
                        + "\"statusEvent\":{\"txDigest\":\"…\",\"eventSeq\":\"3\"},"
                        + "\"deletableCounts\":{\"count_deletable_total\":0,\"count_deletable_certified\":0},"
                        + "\"initialCertifiedEpoch\":null}}"));
        assertThat(BlobStatus.fromJson(registered.toJson())).isEqualTo(registered);
    }

    @Test
    void eventSeqIsWrittenAsAStringButAlsoParsedFromANumber() throws Exception {
        assertThat(new EventId(DIGEST, 7).toJson()).isEqualTo(json("{\"txDigest\":\"…\",\"eventSeq\":\"7\"}"));
        assertThat(EventId.fromJson(json("{\"txDigest\":\"…\",\"eventSeq\":7}")))
                .isEqualTo(new EventId(DIGEST, 7));
    }

    @Test
    void unknownBlobStatusVariantsAreRejected() {
        assertThatThrownBy(() -> BlobStatus.fromJson(json("\"gone\""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobStatus.fromJson(json("{\"expired\":{}}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedOnNodeStatusIsLowerCaseOnTheWireAndParsesTheCapitalisedSdkSpelling() throws Exception {
        assertThat(written(new ApiSuccess(200, StoredOnNodeStatus.STORED.toJson()).toJson()))
                .isEqualTo(json("{\"success\":{\"code\":200,\"data\":\"stored\"}}"));
        assertThat(StoredOnNodeStatus.fromJson(json("\"Nonexistent\""))).isEqualTo(StoredOnNodeStatus.NONEXISTENT);
        assertThat(StoredOnNodeStatus.fromJson(json("\"buffered\""))).isEqualTo(StoredOnNodeStatus.BUFFERED);
        assertThatThrownBy(() -> StoredOnNodeStatus.fromJson(json("1"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The example of protocol.md §2.6. */
    static final String HEALTH_EXAMPLE = "{\"success\":{\"code\":200,\"data\":{"
            + "\"uptime\":{\"secs\":12345,\"nanos\":0},"
            + "\"epoch\":42,"
            + "\"publicKey\":\"<base64 BLS12-381 public key>\","
            + "\"nodeStatus\":\"Active\","
            + "\"eventProgress\":{\"persisted\":123,\"pending\":0,\"highestFinishedEventIndex\":123},"
            + "\"shardSummary\":{\"owned\":10,\"ownedShardStatus\":{\"unknown\":0,\"ready\":10,\"inTransfer\":0,"
            + "\"inRecovery\":0},\"readOnly\":0},"
            + "\"shardDetail\":{\"owned\":[{\"shard\":3,\"status\":\"ready\"}],\"other\":[]},"
            + "\"latestCheckpointSequenceNumber\":999}}}";

    @Test
    void healthRoundTripsTheProtocolExampleExactly() throws Exception {
        ApiSuccess parsed = ApiSuccess.parse(HEALTH_EXAMPLE.getBytes(StandardCharsets.UTF_8));
        ServiceHealthInfo health = ServiceHealthInfo.fromJson(parsed.data());

        assertThat(health.uptime()).isEqualTo(Duration.ofSeconds(12345));
        assertThat(health.shardDetail().orElseThrow().owned())
                .containsExactly(new ServiceHealthInfo.ShardHealthInfo(3, ServiceHealthInfo.ShardStatus.READY));
        assertThat(written(new ApiSuccess(200, health.toJson()).toJson())).isEqualTo(json(HEALTH_EXAMPLE));
    }

    @Test
    void healthOmitsShardDetailAndCheckpointWhenAbsentButWritesANullEventIndex() {
        ServiceHealthInfo health = new ServiceHealthInfo(
                Duration.ofMillis(1500),
                1,
                "AAAA",
                "Active",
                new ServiceHealthInfo.EventProgress(0, 0, OptionalLong.empty()),
                new ServiceHealthInfo.ShardStatusSummary(0, new ServiceHealthInfo.OwnedShardStatus(0, 0, 0, 0), 0),
                Optional.empty(),
                OptionalLong.empty());

        JsonNode node = health.toJson();
        assertThat(node.has("shardDetail")).isFalse();
        assertThat(node.has("latestCheckpointSequenceNumber")).isFalse();
        assertThat(node.get("uptime").get("secs").asLong()).isEqualTo(1);
        assertThat(node.get("uptime").get("nanos").asLong()).isEqualTo(500_000_000);
        assertThat(node.get("eventProgress").get("highestFinishedEventIndex").isNull())
                .isTrue();
        assertThat(ServiceHealthInfo.fromJson(node)).isEqualTo(health);
    }

    /** The example in the Rust docs of {@code walrus-storage-node-client/src/api/errors.rs}. */
    @Test
    void errorBodyMatchesTheAip193ExampleOfTheWalrusSources() throws Exception {
        String example = "{\"error\":{\"code\":400,\"status\":\"FAILED_PRECONDITION\","
                + "\"message\":\"shard 0 is not assigned to this node in epoch 17\","
                + "\"details\":[{\"@type\":\"ErrorInfo\",\"reason\":\"SHARD_NOT_ASSIGNED\","
                + "\"domain\":\"storage-node.walrus/RetrieveSliverError\",\"metadata\":{\"shard\":0,\"epoch\":17}}]}}";
        ApiError error = ApiError.parse(example.getBytes(StandardCharsets.UTF_8));

        assertThat(error.status()).isEqualTo(ApiStatusCode.FAILED_PRECONDITION);
        assertThat(error.httpCode()).isEqualTo(400);
        assertThat(error.reason()).isEqualTo("SHARD_NOT_ASSIGNED");
        assertThat(error.metadata()).containsEntry("shard", 0).containsEntry("epoch", 17);
        assertThat(MAPPER.readTree(error.toBytes())).isEqualTo(json(example));
    }

    @Test
    void storageNodeErrorsUseTheStorageDomainAndEmptyMetadata() throws Exception {
        ApiError error = ApiError.storageNode(ApiStatusCode.NOT_FOUND, "SLIVER_NOT_FOUND", "gone");

        assertThat(written(error.toJson()))
                .isEqualTo(json("{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\",\"message\":\"gone\","
                        + "\"details\":[{\"@type\":\"ErrorInfo\",\"reason\":\"SLIVER_NOT_FOUND\","
                        + "\"domain\":\"storage.walrus.space\",\"metadata\":{}}]}}"));
    }

    @Test
    void errorBodiesWhoseStatusAndCodeDisagreeAreRejected() {
        String body = "{\"error\":{\"code\":404,\"status\":\"INVALID_ARGUMENT\",\"message\":\"x\",\"details\":[]}}";
        assertThatThrownBy(() -> ApiError.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not correspond");
    }

    @Test
    void statusCodesMapToTheirWalrusHttpCodes() {
        assertThat(Map.of(
                        ApiStatusCode.SIZE_EXCEEDED, 403,
                        ApiStatusCode.FAILED_PRECONDITION, 400,
                        ApiStatusCode.UNAVAILABLE_FOR_LEGAL_REASONS, 451,
                        ApiStatusCode.RESOURCE_EXHAUSTED, 429,
                        ApiStatusCode.DEADLINE_EXCEEDED, 504))
                .allSatisfy((code, http) -> assertThat(code.httpCode()).isEqualTo(http));
    }

    @Test
    void signedConfirmationIsBase64InsideASignedObject() throws Exception {
        SignedStorageConfirmation confirmation =
                SignedStorageConfirmation.of(new byte[] {1, 2, 3}, new byte[] {(byte) 0xff});

        assertThat(confirmation.toJson())
                .isEqualTo(json("{\"signed\":{\"serializedMessage\":\"AQID\",\"signature\":\"/w==\"}}"));
        assertThat(SignedStorageConfirmation.fromJson(confirmation.toJson())).isEqualTo(confirmation);
    }

    @Test
    void uploadSuccessesCarryTheirMessageAsData() throws Exception {
        assertThat(written(
                        ApiSuccess.message(201, "metadata successfully stored").toJson()))
                .isEqualTo(json("{\"success\":{\"code\":201,\"data\":\"metadata successfully stored\"}}"));
        assertThat(List.of(
                        ApiSuccess.parse("{\"success\":{\"code\":200,\"data\":\"x\"}}".getBytes(StandardCharsets.UTF_8))
                                .code()))
                .containsExactly(200);
    }
}
