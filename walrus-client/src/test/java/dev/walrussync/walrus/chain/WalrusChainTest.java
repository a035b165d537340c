package dev.walrussync.walrus.chain;

import static dev.walrussync.walrus.chain.FakeSuiGraphQl.data;
import static dev.walrussync.walrus.chain.FakeSuiGraphQl.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.http.HttpTransport;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.http.WalrusException;
import dev.walrussync.walrus.network.WalrusNetwork;
import dev.walrussync.walrus.network.WalrusNetworks;
import dev.walrussync.walrus.sui.SuiAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/** {@link WalrusChain} reads against canned responses in the shapes of the real Sui GraphQL service. */
class WalrusChainTest {
    static final String ORIGINAL = "0xfdc88f7d7cf30afab2f82e8380d11ee8f70efb90e863d1de8616fae1bb09ea77";
    static final String CURRENT = "0x98da433aa0139512c210597b1c5e3df6cd121d8d77f8652691bb66fadfc8aa1b";
    static final String SYSTEM = "0x2134d52768ea07e8c43570ef975eb3e4c27a39fa6396bef985b5abc58d03ddd2";
    static final String STAKING = "0x10b9d30c28448939ce6c4d6c6e0ffce4a7f8a4ada8248bdad09ef8b70e4a3904";
    static final String NODE_A = "0x" + "aa".repeat(32);
    static final String NODE_B = "0x" + "bb".repeat(32);
    static final String OWNER = "0x160179a1565ea7cff27ead23f54cc7f50893bf58155cd7285156e57afa31c3ac";

    static final String SYSTEM_OBJECT = """
            {"object":{"version":592314217,"owner":{"__typename":"Shared","initialSharedVersion":317862159},
             "asMoveObject":{"contents":{"type":{"repr":"%s::system::System"},
               "json":{"id":"%s","version":"3","package_id":"%s","new_package_id":null}}}}}""".formatted(ORIGINAL, SYSTEM, CURRENT);

    static final String SYSTEM_INNER = """
            {"object":{"dynamicField":{"value":{"__typename":"MoveValue",
             "type":{"repr":"%s::system_state_inner::SystemStateInnerV1"},
             "json":{"committee":{"members":[
                 {"public_key":{"bytes":"lkHRTtmAgwLJnJrOzgQQ0zCn"},"weight":3,"node_id":"%s"},
                 {"public_key":{"bytes":"tNY5zjbiZVjbL2CqXXvnBQ=="},"weight":2,"node_id":"%s"}],
               "n_shards":1000,"epoch":27,"total_aggregated_key":{"bytes":"q5SKrnS9DXoCnbDCBmZs"}},
              "total_capacity_size":"4139734352830464","used_capacity_size":"1386098753536000",
              "storage_price_per_unit_size":"11000","write_price_per_unit_size":"20000",
              "future_accounting":{"current_index":27,"length":53,"ring_buffer":[
                 {"epoch":27,"used_capacity":"1386098753536000","rewards_to_distribute":"12345"}]},
              "event_blob_certification_state":{"latest_certified_blob":null,"aggregate_weight_per_blob":{"contents":[]}},
              "deny_list_sizes":{"id":"0x9c0a8ee4dbd41c4bc21d23bd2f1ba26a6ebbb2d82a6a1bdbc4f8a0b9a1c4e7f1","size":"0"}}}}}}""".formatted(ORIGINAL, NODE_A, NODE_B);

    static final String STAKING_OBJECT = """
            {"object":{"version":592314220,"owner":{"__typename":"Shared","initialSharedVersion":317862159},
             "asMoveObject":{"contents":{"type":{"repr":"%s::staking::Staking"},
               "json":{"id":"%s","version":"2","package_id":"%s","new_package_id":null}}}}}""".formatted(ORIGINAL, STAKING, CURRENT);

    static final String STAKING_INNER = """
            {"object":{"dynamicField":{"value":{"__typename":"MoveValue",
             "type":{"repr":"%s::staking_inner::StakingInnerV1"},
             "json":{"n_shards":1000,"epoch_duration":"1209600000","first_epoch_start":"1742914800000",
              "pools":{"id":"0x4ea3a4b5f1cbe2c7a9dd2d4d7a2b8d3b1b0c3f9b7b9f0e6d4b2a1c0e9f8d7c6b","size":"121"},
              "epoch":27,"active_set":{"id":"0x1f2e3d4c5b6a79881726354453627180f9e8d7c6b5a4938271605f4e3d2c1b0a"},
              "next_committee":null,
              "committee":{"pos0":{"contents":[{"key":"%s","value":[0,1,2]},{"key":"%s","value":[3,4]}]}},
              "previous_committee":{"pos0":{"contents":[]}},
              "next_epoch_params":null,
              "epoch_state":{"@variant":"EpochChangeDone","pos0":"1757373600000"},
              "next_epoch_public_keys":{"id":"0x2a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40414243444546474849"}}}}}}""".formatted(ORIGINAL, NODE_A, NODE_B);

    static String pool(String id, String name, String address) {
        return """
                {"address":"%s","asMoveObject":{"contents":{"json":{"id":"%s","state":{"@variant":"Active"},
                 "voting_params":{"storage_price":"11000","write_price":"20000","node_capacity":"1000"},
                 "node_info":{"name":"%s","node_id":"%s","network_address":"%s",
                   "public_key":{"bytes":"lkHRTtmAgwLJnJrOzgQQ0zCn"},"next_epoch_public_key":null,
                   "network_public_key":"ABEiM0RVZneImaq7zN3u/w==","metadata":{"id":"0x01"}},
                 "activation_epoch":1,"latest_epoch":27,"wal_balance":"1000","num_shares":"1000","commission_rate":500}}}}""".formatted(id, id, name, id, address);
    }

    static WalrusNetwork network(URI graphql, boolean withStaking) {
        WalrusNetwork mainnet = WalrusNetworks.mainnet();
        return new WalrusNetwork(
                "test",
                List.of(),
                mainnet.aggregators(),
                graphql,
                null,
                mainnet.walrusOriginalPackage(),
                mainnet.walCoinType(),
                mainnet.systemObject(),
                withStaking ? mainnet.stakingObject() : null,
                null,
                mainnet.maxBlobSize());
    }

    static WalrusChain chain(FakeSuiGraphQl fake, boolean withStaking, RetryPolicy retry) {
        URI uri = fake.server.url("/graphql").uri();
        return new WalrusChain(network(uri, withStaking), new SuiGraphQlClient(uri, retry), Duration.ofSeconds(1));
    }

    static MockResponse systemAnswers(String op, JsonNode variables) {
        String id = variables.path("id").asText();
        return switch (op) {
            case "VersionedObject" -> data(id.equals(SYSTEM) ? SYSTEM_OBJECT : STAKING_OBJECT);
            case "InnerState" -> data(id.equals(SYSTEM) ? SYSTEM_INNER : STAKING_INNER);
            case "StakingPools" ->
                data("{\"multiGetObjects\":["
                        + pool(NODE_B, "Mysten Labs B", "walrus-b.example.org:9185") + ","
                        + pool(NODE_A, "Mysten Labs A", "walrus-a.example.org:9185") + "]}");
            default -> new MockResponse().setResponseCode(500);
        };
    }

    @Test
    void systemReadsTheSystemAndStakingObjectsAndTheCommitteePools() throws Exception {
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl(WalrusChainTest::systemAnswers)) {
            SystemInfo system = chain(fake, true, RetryPolicy.NONE).system();

            assertThat(system.epoch()).isEqualTo(27);
            assertThat(system.nShards()).isEqualTo(1000);
            assertThat(system.storagePricePerUnit()).isEqualTo(11_000);
            assertThat(system.writePricePerUnit()).isEqualTo(20_000);
            assertThat(system.maxEpochsAhead()).isEqualTo(53);
            assertThat(system.callPackage()).isEqualTo(CURRENT);
            assertThat(system.systemInitialSharedVersion()).isEqualTo(317_862_159L);
            assertThat(system.epochDuration()).isEqualTo(Duration.ofDays(14));
            assertThat(system.epochStart()).isEqualTo(Instant.ofEpochMilli(1_757_373_600_000L));
            assertThat(system.committee())
                    .containsExactly(
                            new CommitteeNode(
                                    NODE_A, "Mysten Labs A", URI.create("https://walrus-a.example.org:9185"), 3),
                            new CommitteeNode(
                                    NODE_B, "Mysten Labs B", URI.create("https://walrus-b.example.org:9185"), 2));

            // the inner state is keyed by the BCS of System.version (u64 3), as sui-client.md §4.5 says
            List<FakeSuiGraphQl.Call> inner = fake.calls("InnerState");
            assertThat(inner).hasSize(2);
            assertThat(inner.get(0).variables().get("id").asText()).isEqualTo(SYSTEM);
            assertThat(inner.get(0).variables().get("versionBcs").asText()).isEqualTo("AwAAAAAAAAA=");
            assertThat(inner.get(1).variables().get("versionBcs").asText()).isEqualTo("AgAAAAAAAAA=");
            assertThat(inner.get(0).query())
                    .contains("dynamicField(name: { type: \"u64\", bcs: $versionBcs })")
                    .contains("... on MoveValue { type { repr } json }");
            assertThat(fake.calls("VersionedObject").getFirst().query())
                    .contains("owner { __typename ... on Shared { initialSharedVersion } }")
                    .contains("asMoveObject { contents { type { repr } json } }");
            JsonNode keys = fake.calls("StakingPools").getFirst().variables().get("keys");
            assertThat(keys).hasSize(2);
            assertThat(keys.get(0).get("address").asText()).isEqualTo(NODE_A);
        }
    }

    @Test
    void anObjectOfAnotherTypeAtTheSystemIdMeansTheWrongNetwork() throws Exception {
        try (FakeSuiGraphQl fake =
                new FakeSuiGraphQl((op, v) -> data(SYSTEM_OBJECT.replace(ORIGINAL, "0x" + "77".repeat(32))))) {
            assertThatThrownBy(() -> chain(fake, true, RetryPolicy.NONE).system())
                    .isInstanceOf(WrongNetworkException.class)
                    .hasMessageContaining("wrong network or package ID")
                    .hasMessageContaining("not the Walrus System object");
        }
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl((op, v) -> data("{\"object\":null}"))) {
            assertThatThrownBy(() -> chain(fake, true, RetryPolicy.NONE).system())
                    .isInstanceOf(WrongNetworkException.class)
                    .hasMessageContaining("wrong network or package ID")
                    .hasMessageContaining("there is no object " + SYSTEM);
        }
    }

    @Test
    void balancesAddsUpTotalsOfWalAndSui() throws Exception {
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl((op, v) -> data("""
                {"address":{"wal":{"totalBalance":"2500000000"},"sui":{"totalBalance":"987654321"}}}"""))) {
            Balances balances = chain(fake, true, RetryPolicy.NONE).balances(SuiAddress.parse(OWNER));
            assertThat(balances).isEqualTo(new Balances(2_500_000_000L, 987_654_321L));
            FakeSuiGraphQl.Call call = fake.calls.getFirst();
            assertThat(call.query())
                    .contains("wal: balance(coinType: $wal) { totalBalance }")
                    .contains("sui: balance(coinType: $sui) { totalBalance }");
            assertThat(call.variables().get("owner").asText()).isEqualTo(OWNER);
            assertThat(call.variables().get("wal").asText())
                    .isEqualTo(WalrusNetworks.mainnet().walCoinType());
            assertThat(call.variables().get("sui").asText()).isEqualTo("0x2::sui::SUI");
        }
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl((op, v) -> data("{\"address\":{\"wal\":null,\"sui\":null}}"))) {
            assertThat(chain(fake, true, RetryPolicy.NONE).balances(SuiAddress.parse(OWNER)))
                    .isEqualTo(new Balances(0, 0));
        }
    }

    static byte[] blobBcs(
            String id,
            long registered,
            BlobId blobId,
            long size,
            Long certified,
            long start,
            long end,
            long storageSize,
            boolean deletable) {
        BcsWriter w = new BcsWriter();
        SuiAddress.parse(id).writeTo(w);
        w.u32(registered).fixedBytes(blobId.bytes()).u64(size).u8(1);
        w.option(Optional.ofNullable(certified), (x, c) -> x.u32(c));
        SuiAddress.parse("0x" + "5e".repeat(32)).writeTo(w);
        w.u32(start).u32(end).u64(storageSize).bool(deletable);
        return w.toByteArray();
    }

    static String blobNode(String id, long version, byte[] bcs, String metadataBcs) {
        return """
                {"address":"%s","version":%d,"digest":"3NAM1YJMhSPvtAkmGTRABe1hYZN3aE2hZHKy3JZy9fHk",
                 "contents":{"type":{"repr":"%s::blob::Blob"},"bcs":"%s"},
                 "dynamicField":%s}""".formatted(
                        id,
                        version,
                        ORIGINAL,
                        Base64.getEncoder().encodeToString(bcs),
                        metadataBcs == null ? "null" : "{\"value\":{\"bcs\":\"" + metadataBcs + "\"}}");
    }

    @Test
    void ownedBlobsFollowsEveryPageAndDecodesBcsAndAttributes() throws Exception {
        BlobId first = BlobId.fromHex("01".repeat(32));
        BlobId second = BlobId.fromU256Decimal("1234567890123456789012345678901234567890");
        // Metadata { metadata: VecMap<String, String> }: a vector of two (key, value) entries
        String metadata = Base64.getEncoder()
                .encodeToString(new BcsWriter()
                        .uleb128(2)
                        .string("content-type")
                        .string("image/png")
                        .string("walrus-sync")
                        .string("pack")
                        .toByteArray());
        String page1 = """
                {"address":{"objects":{"pageInfo":{"hasNextPage":true,"endCursor":"IAEAAAAAAAAA"},
                 "nodes":[%s]}}}""".formatted(blobNode(
                "0x" + "01".repeat(32),
                7,
                blobBcs("0x" + "01".repeat(32), 20, first, 1000, 20L, 20, 30, 66_000_000, true),
                metadata));
        String page2 = """
                {"address":{"objects":{"pageInfo":{"hasNextPage":false,"endCursor":"IAIAAAAAAAAA"},
                 "nodes":[%s]}}}""".formatted(blobNode(
                "0x" + "02".repeat(32),
                9,
                blobBcs("0x" + "02".repeat(32), 21, second, 5, null, 21, 74, 65_000_000, false),
                null));
        try (FakeSuiGraphQl fake =
                new FakeSuiGraphQl((op, v) -> data(v.get("after").isNull() ? page1 : page2))) {
            List<OwnedBlob> blobs = chain(fake, true, RetryPolicy.NONE).ownedBlobs(SuiAddress.parse(OWNER));

            assertThat(blobs).hasSize(2);
            OwnedBlob a = blobs.get(0);
            assertThat(a.ref().objectId()).isEqualTo(SuiAddress.parse("0x" + "01".repeat(32)));
            assertThat(a.ref().version()).isEqualTo(7);
            assertThat(a.blobId()).isEqualTo(first.toString());
            assertThat(a.size()).isEqualTo(1000);
            assertThat(a.registeredEpoch()).isEqualTo(20);
            assertThat(a.certifiedEpoch()).isEqualTo(20L);
            assertThat(a.startEpoch()).isEqualTo(20);
            assertThat(a.endEpoch()).isEqualTo(30);
            assertThat(a.storageSize()).isEqualTo(66_000_000);
            assertThat(a.deletable()).isTrue();
            assertThat(a.attributes())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("content-type", "image/png", "walrus-sync", "pack"));
            OwnedBlob b = blobs.get(1);
            assertThat(b.blobId()).isEqualTo(second.toString());
            assertThat(b.certifiedEpoch()).isNull();
            assertThat(b.endEpoch()).isEqualTo(74);
            assertThat(b.deletable()).isFalse();
            assertThat(b.attributes()).isEmpty();

            assertThat(fake.calls).hasSize(2);
            JsonNode v1 = fake.calls.get(0).variables();
            assertThat(v1.get("type").asText()).isEqualTo(ORIGINAL + "::blob::Blob");
            assertThat(v1.get("first").asInt()).isEqualTo(50);
            assertThat(v1.get("after").isNull()).isTrue();
            assertThat(v1.get("metadata").asText()).isEqualTo("CG1ldGFkYXRh"); // BCS of b"metadata"
            assertThat(fake.calls.get(1).variables().get("after").asText()).isEqualTo("IAEAAAAAAAAA");
            assertThat(fake.calls.get(0).query())
                    .contains("objects(first: $first, after: $after, filter: { type: $type })")
                    .contains("pageInfo { hasNextPage endCursor }")
                    .contains("dynamicField(name: { type: \"vector<u8>\", bcs: $metadata })");
        }
    }

    @Test
    void graphQlErrorsFailWithTheServersMessages() throws Exception {
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl((op, v) -> json("""
                {"data":null,"errors":[{"message":"Invalid value for argument \\"address\\", expected type \\"SuiAddress\\"",
                  "locations":[{"line":2,"column":17}],"path":["address"],"extensions":{"code":"BAD_USER_INPUT"}},
                 {"message":"Query has too many nodes","extensions":{"code":"BAD_USER_INPUT"}}]}"""))) {
            assertThatThrownBy(() -> chain(fake, true, RetryPolicy.DEFAULT).balances(SuiAddress.parse(OWNER)))
                    .isInstanceOf(WalrusException.class)
                    .hasMessageContaining("Invalid value for argument \"address\"")
                    .hasMessageContaining("(at address)")
                    .hasMessageContaining("Query has too many nodes")
                    .satisfies(
                            e -> assertThat(((WalrusException) e).retryable()).isFalse());
            assertThat(fake.calls).hasSize(1); // not retried
        }
    }

    @Test
    void a503IsRetriedWithBackoffUntilItSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy retry = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5));
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl((op, v) -> attempts.incrementAndGet() <= 2
                ? new MockResponse().setResponseCode(503).setBody("upstream overloaded")
                : data("{\"address\":{\"wal\":{\"totalBalance\":\"5\"},\"sui\":{\"totalBalance\":\"6\"}}}"))) {
            assertThat(chain(fake, true, retry).balances(SuiAddress.parse(OWNER)))
                    .isEqualTo(new Balances(5, 6));
            assertThat(fake.calls).hasSize(3);
            // every attempt sends the same body
            assertThat(fake.calls.stream().map(c -> c.variables().toString()).distinct())
                    .hasSize(1);
        }
    }

    @Test
    void retriesStopAfterMaxAttemptsWithARetryableError() throws Exception {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2));
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl((op, v) -> new MockResponse().setResponseCode(429))) {
            assertThatThrownBy(() -> chain(fake, true, retry).balances(SuiAddress.parse(OWNER)))
                    .isInstanceOf(WalrusException.class)
                    .hasMessageContaining("failed 3 time(s)")
                    .hasMessageContaining("HTTP 429")
                    .satisfies(
                            e -> assertThat(((WalrusException) e).retryable()).isTrue());
            assertThat(fake.calls).hasSize(3);
        }
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl(
                (op, v) -> new MockResponse().setResponseCode(400).setBody("bad"))) {
            assertThatThrownBy(() -> chain(fake, true, retry).balances(SuiAddress.parse(OWNER)))
                    .hasMessageContaining("HTTP 400");
            assertThat(fake.calls).hasSize(1);
        }
    }

    @Test
    void retriesWaitWithFullJitterCappedAtMaxDelay() throws Exception {
        RetryPolicy retry = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        List<Long> waits = new ArrayList<>();
        HttpTransport transport = new HttpTransport(
                HttpTransport.defaultClient(), retry, d -> waits.add(d.toMillis()), new SplittableRandom(7));
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl((op, v) -> new MockResponse().setResponseCode(503))) {
            URI uri = fake.server.url("/graphql").uri();
            SuiGraphQlClient client = new SuiGraphQlClient(uri, transport);
            for (int round = 0; round < 20; round++) {
                assertThatThrownBy(() -> client.execute("{ chainIdentifier }", Map.of()))
                        .isInstanceOf(WalrusException.class)
                        .hasMessageContaining("failed 10 time(s)");
            }
        }
        assertThat(waits).hasSize(20 * 9);
        for (int i = 0; i < waits.size(); i++) {
            int retryNumber = i % 9;
            assertThat(waits.get(i)).isBetween(0L, Math.min(1000L, 100L << retryNumber));
        }
        List<Long> firstWaits = new ArrayList<>();
        for (int i = 0; i < waits.size(); i += 9) {
            firstWaits.add(waits.get(i));
        }
        assertThat(firstWaits.stream().distinct().count()).isGreaterThan(10); // jittered, not fixed
    }

    @Test
    void networkPresetsCarryTheDocumentedIds() {
        WalrusNetwork mainnet = WalrusNetworks.mainnet();
        assertThat(mainnet.blobType()).isEqualTo(ORIGINAL + "::blob::Blob");
        assertThat(mainnet.systemObject()).isEqualTo(SuiAddress.parse(SYSTEM));
        assertThat(mainnet.stakingObject()).isEqualTo(SuiAddress.parse(STAKING));
        assertThat(mainnet.publishers()).isEmpty();
        assertThat(mainnet.graphql()).isEqualTo(URI.create("https://graphql.mainnet.sui.io/graphql"));
        assertThat(mainnet.maxBlobSize()).isEqualTo(10L << 20);
        WalrusNetwork testnet = WalrusNetworks.testnet();
        assertThat(testnet.walCoinType())
                .isEqualTo("0x8270feb7375eee355e64fdb69c50abb6b5f9393a722883c1cf45f8e26048810a::wal::WAL");
        assertThat(testnet.systemObject())
                .isEqualTo(SuiAddress.parse("0x6c2547cbbc38025cf3adac45f63cb0a8d12ecf777cdc75a4971612bf97fdf6af"));
        assertThat(testnet.publishers()).containsExactly(URI.create("https://publisher.walrus-testnet.walrus.space"));
        assertThat(testnet.graphql()).isEqualTo(URI.create("https://graphql.testnet.sui.io/graphql"));
        assertThat(HexFormat.of().formatHex(testnet.walrusOriginalPackage().toBytes()))
                .isEqualTo("d84704c17fc870b8764832c535aa6b11f21a95cd6f5bb38a9b07d2cf42220c66");
    }
}
