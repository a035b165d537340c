package dev.walrussync.localnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.GasData;
import dev.walrussync.walrus.sui.ProgrammableTransactionBuilder;
import dev.walrussync.walrus.sui.TransactionExpiration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every query of sui-client.md §4, verbatim, returns the documented shape. */
class SuiQueriesTest {
    private static final String WAL_TYPE = Oracle.WAL.toString();
    private static final String BLOB_TYPE =
            "0xfdc88f7d7cf30afab2f82e8380d11ee8f70efb90e863d1de8616fae1bb09ea77::blob::Blob";

    static final String WAL_BALANCE = """
            query WalBalance($owner: SuiAddress!, $coinType: String!) {
              address(address: $owner) {
                balance(coinType: $coinType) { coinType { repr } coinBalance addressBalance totalBalance }
              }
            }""";

    static final String OWNED_OBJECTS = """
            query OwnedObjectsByType($owner: SuiAddress!, $type: String!, $first: Int, $after: String) {
              address(address: $owner) {
                objects(first: $first, after: $after, filter: { type: $type }) {
                  pageInfo { hasNextPage endCursor }
                  nodes { address version digest contents { type { repr } bcs json } }
                }
              }
            }""";

    static final String GET_OBJECT = """
            query GetObject($id: SuiAddress!) {
              object(address: $id) {
                address version digest
                owner {
                  __typename
                  ... on AddressOwner { address { address } }
                  ... on ObjectOwner { address { address } }
                  ... on Shared { initialSharedVersion }
                  ... on ConsensusAddressOwner { startVersion address { address } }
                }
                asMoveObject { contents { type { repr } bcs json } }
              }
            }""";

    static final String WALRUS_SYSTEM = """
            query WalrusSystem($system: SuiAddress!, $versionBcs: Base64!) {
              object(address: $system) {
                version
                owner { ... on Shared { initialSharedVersion } }
                asMoveObject { contents { json } }          # System {id, version, package_id, new_package_id}
                dynamicField(name: { type: "u64", bcs: $versionBcs }) {
                  value { __typename ... on MoveValue { type { repr } json bcs } }
                }
              }
            }""";

    static final String EPOCH_AND_GAS_PRICE = """
            query EpochAndGasPrice { chainIdentifier epoch { epochId startTimestamp referenceGasPrice protocolConfigs { protocolVersion } } }""";

    static final String SIMULATE = """
            query Simulate($tx: JSON!) {
              simulateTransaction(transaction: $tx, checksEnabled: true, doGasSelection: false) {
                effects { status executionError { message abortCode }
                          gasEffects { gasSummary { computationCost storageCost storageRebate nonRefundableStorageFee } } }
              }
            }""";

    static final String LIMITS = """
            query Limits { serviceConfig { maxPageSize(type: "Address", field: "objects") defaultPageSize(type: "Address", field: "objects")
              maxMultiGetSize maxQueryPayloadSize maxTransactionPayloadSize queryTimeoutMs mutationTimeoutMs } }""";

    static final String WAIT_FOR_TX = """
            query WaitForTx($d: String!) { transaction(digest: $d) { effects { status checkpoint { sequenceNumber } } } }""";

    private static void noErrors(JsonNode response) {
        assertThat(response.has("errors")).as(response.toString()).isFalse();
    }

    @Test
    void walBalanceReturnsCoinAddressAndTotalBalancesAsStrings() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode response =
                    net.graphQl(WAL_BALANCE, Map.of("owner", Oracle.SENDER.toString(), "coinType", WAL_TYPE));
            noErrors(response);
            JsonNode balance = response.at("/data/address/balance");
            assertThat(balance.at("/coinType/repr").asText()).isEqualTo(WAL_TYPE);
            long coins = Oracle.WAL_BALANCE + Oracle.WAL_2_BALANCE;
            assertThat(balance.get("coinBalance").isTextual()).isTrue();
            assertThat(balance.get("coinBalance").asText()).isEqualTo(Long.toString(coins));
            assertThat(balance.get("addressBalance").asText()).isEqualTo(Long.toString(Oracle.ADDRESS_WAL));
            assertThat(balance.get("totalBalance").asText()).isEqualTo(Long.toString(coins + Oracle.ADDRESS_WAL));
        }
    }

    @Test
    void ownedBlobsByTypeReturnTheObjectRefAndTheBlobContentsInBcsAndJson() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode response = net.graphQl(
                    OWNED_OBJECTS, Map.of("owner", Oracle.SENDER.toString(), "type", BLOB_TYPE, "first", 50));
            noErrors(response);
            JsonNode objects = response.at("/data/address/objects");
            assertThat(objects.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
            assertThat(objects.get("nodes")).hasSize(1);
            JsonNode node = objects.get("nodes").get(0);
            assertThat(node.get("address").asText())
                    .isEqualTo(Oracle.BLOB.objectId().toString());
            assertThat(node.get("version").isNumber()).isTrue();
            assertThat(node.get("version").asLong()).isEqualTo(Oracle.BLOB.version());
            assertThat(node.get("digest").asText())
                    .isEqualTo(Oracle.BLOB.digest().toString());
            assertThat(node.at("/contents/type/repr").asText()).isEqualTo(BLOB_TYPE);
            BlobData decoded = BlobData.fromBcs(
                    Base64.getDecoder().decode(node.at("/contents/bcs").asText()));
            assertThat(decoded.blobId()).isEqualTo(Oracle.BLOB_ID);
            assertThat(decoded.endEpoch()).isEqualTo(Oracle.BLOB_END_EPOCH);
            JsonNode json = node.at("/contents/json");
            assertThat(json.get("blob_id").asText()).isEqualTo(Oracle.BLOB_ID.toU256Decimal());
            assertThat(json.get("size").asText()).isEqualTo("17");
            assertThat(json.get("registered_epoch").asInt()).isEqualTo(1);
            assertThat(json.get("certified_epoch").asInt()).isEqualTo(1);
            assertThat(json.get("encoding_type").asInt()).isEqualTo(1);
            assertThat(json.at("/storage/end_epoch").asInt()).isEqualTo(2);
            assertThat(json.at("/storage/storage_size").asText()).isEqualTo("66034000");
            assertThat(json.get("deletable").asBoolean()).isFalse();
        }
    }

    @Test
    void ownedCoinsMatchEveryTypeFilterFormAndRenderBalancesAsStrings() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            Map<String, Integer> expected = Map.of(
                    "0x2::coin::Coin<" + WAL_TYPE + ">",
                    2,
                    "0x2::coin::Coin<0x2::sui::SUI>",
                    1,
                    "0x2::coin::Coin",
                    3,
                    "0x2::coin",
                    3,
                    "0x2",
                    3,
                    "0xfdc88f7d7cf30afab2f82e8380d11ee8f70efb90e863d1de8616fae1bb09ea77",
                    1);
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                JsonNode response =
                        net.graphQl(OWNED_OBJECTS, Map.of("owner", Oracle.SENDER.toString(), "type", e.getKey()));
                noErrors(response);
                assertThat(response.at("/data/address/objects/nodes"))
                        .as(e.getKey())
                        .hasSize(e.getValue());
            }
            JsonNode wal = net.graphQl(
                            OWNED_OBJECTS,
                            Map.of("owner", Oracle.SENDER.toString(), "type", "0x2::coin::Coin<" + WAL_TYPE + ">"))
                    .at("/data/address/objects/nodes/0/contents/json");
            assertThat(wal.get("id").asText()).startsWith("0x").hasSize(66);
            assertThat(wal.get("balance").isTextual()).isTrue();
        }
    }

    @Test
    void getObjectReportsTheOwnerKindForAddressOwnedSharedAndChildObjects() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode coin = net.graphQl(
                            GET_OBJECT, Map.of("id", Oracle.WAL_COIN.objectId().toString()))
                    .at("/data/object");
            assertThat(coin.at("/owner/__typename").asText()).isEqualTo("AddressOwner");
            assertThat(coin.at("/owner/address/address").asText()).isEqualTo(Oracle.SENDER.toString());
            assertThat(coin.at("/asMoveObject/contents/json/balance").asText())
                    .isEqualTo(Long.toString(Oracle.WAL_BALANCE));
            assertThat(coin.at("/asMoveObject/contents/bcs").asText()).isNotEmpty();

            JsonNode system = net.graphQl(GET_OBJECT, Map.of("id", Oracle.SYSTEM.toString()))
                    .at("/data/object");
            assertThat(system.at("/owner/__typename").asText()).isEqualTo("Shared");
            assertThat(system.at("/owner/initialSharedVersion").isNumber()).isTrue();
            assertThat(system.at("/owner/initialSharedVersion").asLong()).isEqualTo(Oracle.SYSTEM_ISV);

            net.graphQl(TestNet.EXECUTE, Oracle.variables(Oracle.METADATA));
            JsonNode field = net.graphQl(
                            GET_OBJECT,
                            Map.of(
                                    "id",
                                    WalrusLogic.metadataFieldId(Oracle.BLOB.objectId())
                                            .toString()))
                    .at("/data/object");
            assertThat(field.at("/owner/__typename").asText()).isEqualTo("ObjectOwner");
            assertThat(field.at("/owner/address/address").asText())
                    .isEqualTo(Oracle.BLOB.objectId().toString());
        }
    }

    @Test
    void objectAtAVersionAndMultiGetObjectsReturnExactVersionsAndNullForMissing() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            net.graphQl(TestNet.EXECUTE, Oracle.variables(Oracle.EXTEND));
            JsonNode old = net.graphQl(
                            "query($id: SuiAddress!, $v: UInt53) { object(address: $id, version: $v) { version digest"
                                    + " asMoveObject { contents { json } } } }",
                            Map.of("id", Oracle.BLOB.objectId().toString(), "v", Oracle.BLOB.version()))
                    .at("/data/object");
            assertThat(old.get("digest").asText())
                    .isEqualTo(Oracle.BLOB.digest().toString());
            assertThat(old.at("/asMoveObject/contents/json/storage/end_epoch").asInt())
                    .isEqualTo(2);

            JsonNode many = net.graphQl(
                            "query($keys: [ObjectKey!]!) { multiGetObjects(keys: $keys) { address version digest } }",
                            Map.of(
                                    "keys",
                                    List.of(
                                            Map.of(
                                                    "address",
                                                    Oracle.BLOB.objectId().toString()),
                                            Map.of("address", "0x" + "99".repeat(32)),
                                            Map.of(
                                                    "address",
                                                    Oracle.BLOB.objectId().toString(),
                                                    "version",
                                                    Oracle.BLOB.version()))))
                    .at("/data/multiGetObjects");
            assertThat(many).hasSize(3);
            assertThat(many.get(0).get("version").asLong()).isGreaterThan(Oracle.BLOB.version());
            assertThat(many.get(1).isNull()).isTrue();
            assertThat(many.get(2).get("version").asLong()).isEqualTo(Oracle.BLOB.version());
        }
    }

    @Test
    void walrusSystemExposesPackageVersionAndTheInnerStateByVersionKey() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode first =
                    net.graphQl(WALRUS_SYSTEM, Map.of("system", Oracle.SYSTEM.toString(), "versionBcs", "AA=="));
            JsonNode system = first.at("/data/object");
            assertThat(system.get("version").asLong()).isEqualTo(Oracle.SYSTEM_ISV);
            assertThat(system.at("/owner/initialSharedVersion").asLong()).isEqualTo(Oracle.SYSTEM_ISV);
            JsonNode json = system.at("/asMoveObject/contents/json");
            assertThat(json.get("version").asText()).isEqualTo("3");
            assertThat(json.get("package_id").asText()).isEqualTo(ChainConfig.MAINNET_WALRUS_PACKAGE.toString());
            assertThat(system.get("dynamicField").isNull()).isTrue(); // wrong key

            String versionBcs = Base64.getEncoder()
                    .encodeToString(new dev.walrussync.walrus.bcs.BcsWriter()
                            .u64(Long.parseLong(json.get("version").asText()))
                            .toByteArray());
            assertThat(versionBcs).isEqualTo("AwAAAAAAAAA=");
            JsonNode value = net.graphQl(
                            WALRUS_SYSTEM, Map.of("system", Oracle.SYSTEM.toString(), "versionBcs", versionBcs))
                    .at("/data/object/dynamicField/value");
            assertThat(value.get("__typename").asText()).isEqualTo("MoveValue");
            assertThat(value.at("/type/repr").asText())
                    .isEqualTo("0xfdc88f7d7cf30afab2f82e8380d11ee8f70efb90e863d1de8616fae1bb09ea77"
                            + "::system_state_inner::SystemStateInnerV1");
            JsonNode inner = value.get("json");
            assertThat(inner.at("/committee/epoch").asInt()).isEqualTo(1);
            assertThat(inner.at("/committee/n_shards").asInt()).isEqualTo(1000);
            assertThat(inner.get("storage_price_per_unit_size").asText()).isEqualTo("100000");
            assertThat(inner.get("write_price_per_unit_size").asText()).isEqualTo("20000");
            assertThat(inner.get("total_capacity_size").isTextual()).isTrue();
            assertThat(inner.at("/future_accounting/length").asInt()).isEqualTo(53);
            assertThat(value.get("bcs").asText()).isNotEmpty();
        }
    }

    @Test
    void epochAndGasPriceReportTheEpochStartReferencePriceAndProtocolVersion() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode data = net.graphQl(EPOCH_AND_GAS_PRICE, Map.of()).get("data");
            assertThat(data.get("chainIdentifier").asText()).matches("[0-9a-f]{8}");
            JsonNode epoch = data.get("epoch");
            assertThat(epoch.get("epochId").isNumber()).isTrue();
            assertThat(epoch.get("epochId").asLong()).isEqualTo(1);
            assertThat(Instant.parse(epoch.get("startTimestamp").asText()))
                    .isEqualTo(OracleExecutionTest.CLOCK.instant());
            assertThat(epoch.get("referenceGasPrice").asText()).isEqualTo("1000");
            assertThat(epoch.at("/protocolConfigs/protocolVersion").isNumber()).isTrue();
        }
    }

    @Test
    void simulateReportsStatusAndGasWithoutChangingState() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            List<Object> before = GraphQlExecutionTest.snapshot(net);
            String tx =
                    Oracle.variables(Oracle.EXTEND).get("transactionDataBcs").asText();
            JsonNode response = net.graphQl(SIMULATE, Map.of("tx", Map.of("bcs", Map.of("value", tx))));
            noErrors(response);
            JsonNode effects = response.at("/data/simulateTransaction/effects");
            assertThat(effects.get("status").asText()).isEqualTo("SUCCESS");
            assertThat(effects.at("/gasEffects/gasSummary/computationCost").asLong())
                    .isPositive();
            assertThat(GraphQlExecutionTest.snapshot(net)).isEqualTo(before);
        }
    }

    @Test
    void simulateWithoutGasPaymentUsesAMockCoinForTheBudgetRecipe() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            Ed25519Keypair key = Ed25519Keypair.fromSeed(Oracle.SEED);
            ProgrammableTransactionBuilder b = new ProgrammableTransactionBuilder();
            b.extendBlob(ChainConfig.MAINNET_WALRUS_PACKAGE, net.system(), Oracle.BLOB, 3, Oracle.WAL_COIN);
            byte[] tx = b.build(
                            key.address(),
                            new GasData(List.of(), key.address(), 1000, 50_000_000_000L),
                            new TransactionExpiration.None())
                    .toBcs();
            JsonNode response = net.graphQl(
                    SIMULATE,
                    Map.of(
                            "tx",
                            Map.of("bcs", Map.of("value", Base64.getEncoder().encodeToString(tx)))));
            noErrors(response);
            assertThat(response.at("/data/simulateTransaction/effects/status").asText())
                    .isEqualTo("SUCCESS");
            JsonNode withPayment = net.graphQl(
                    SIMULATE,
                    Map.of(
                            "tx",
                            Map.of(
                                    "bcs",
                                    Map.of(
                                            "value",
                                            Oracle.variables(Oracle.EXTEND)
                                                    .get("transactionDataBcs")
                                                    .asText()))));
            assertThat(withPayment
                            .at("/data/simulateTransaction/effects/status")
                            .asText())
                    .isEqualTo("SUCCESS");
        }
    }

    @Test
    void limitsReportSuisDefaults() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode config = net.graphQl(LIMITS, Map.of()).at("/data/serviceConfig");
            assertThat(config.get("maxPageSize").asInt()).isEqualTo(50);
            assertThat(config.get("defaultPageSize").asInt()).isEqualTo(20);
            assertThat(config.get("maxMultiGetSize").asInt()).isEqualTo(200);
            assertThat(config.get("maxQueryPayloadSize").asInt()).isEqualTo(5000);
            assertThat(config.get("maxTransactionPayloadSize").asInt()).isPositive();
            assertThat(config.get("queryTimeoutMs").asInt()).isEqualTo(40_000);
            assertThat(config.get("mutationTimeoutMs").asInt()).isEqualTo(74_000);
        }
    }

    @Test
    void anExecutedTransactionIsFoundByDigestWithItsCheckpoint() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            String digest = Oracle.digest(Oracle.SPLIT).toString();
            assertThat(net.graphQl(WAIT_FOR_TX, Map.of("d", digest))
                            .at("/data/transaction")
                            .isNull())
                    .isTrue();
            net.graphQl(TestNet.EXECUTE, Oracle.variables(Oracle.SPLIT));
            JsonNode effects = net.graphQl(WAIT_FOR_TX, Map.of("d", digest)).at("/data/transaction/effects");
            assertThat(effects.get("status").asText()).isEqualTo("SUCCESS");
            assertThat(effects.at("/checkpoint/sequenceNumber").asLong()).isEqualTo(net.chain.latestCheckpoint());
        }
    }

    @Test
    void theMutationResponseLeavesCheckpointAndBalancesNullAsInExecutionScope() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode effects = net.graphQl("""
                            mutation($transactionDataBcs: Base64!, $signatures: [Base64!]!) {
                              executeTransaction(transactionDataBcs: $transactionDataBcs, signatures: $signatures) {
                                effects { checkpoint { sequenceNumber } timestamp
                                  transaction { sender { balance(coinType: "0x2::sui::SUI") { totalBalance } } } }
                              }
                            }""", Oracle.variables(Oracle.EXTEND)).at("/data/executeTransaction/effects");
            assertThat(effects.get("checkpoint").isNull()).isTrue();
            assertThat(effects.get("timestamp").isNull()).isTrue();
            assertThat(effects.at("/transaction/sender/balance").isNull()).isTrue();
        }
    }

    @Test
    void blobAttributesAreReadableAsTheMetadataDynamicField() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            net.graphQl(TestNet.EXECUTE, Oracle.variables(Oracle.METADATA));
            String nameBcs = Base64.getEncoder().encodeToString(MetadataField.nameBcs());
            JsonNode field = net.graphQl(
                            "query($id: SuiAddress!, $n: Base64!) { object(address: $id) { dynamicField(name: {type:"
                                    + " \"vector<u8>\", bcs: $n}) { name { type { repr } json } value { __typename ... on"
                                    + " MoveValue { type { repr } json } } } } }",
                            Map.of("id", Oracle.BLOB.objectId().toString(), "n", nameBcs))
                    .at("/data/object/dynamicField");
            assertThat(field.at("/name/type/repr").asText()).isEqualTo("vector<u8>");
            assertThat(field.at("/value/type/repr").asText()).endsWith("::metadata::Metadata");
            JsonNode entry = field.at("/value/json/metadata/contents/0");
            assertThat(entry.get("key").asText()).isEqualTo("content-type");
            assertThat(entry.get("value").asText()).isEqualTo("image/png");
        }
    }

    @Test
    void anOversizedQueryIsRefusedWithAPayloadError() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            String padding = "#" + "x".repeat(6000) + "\n";
            JsonNode response = net.graphQl(padding + "{ chainIdentifier }", Map.of());
            assertThat(response.get("data").isNull()).isTrue();
            assertThat(response.at("/errors/0/message").asText()).contains("payload is too large");
        }
    }

    @Test
    void theSystemStateListsTheCommitteeWithNamesUrlsKeysAndShards() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            net.chain.updateCommittee(List.of(new StorageNodeInfo(
                    "node-0",
                    dev.walrussync.walrus.sui.SuiAddress.parse("0x" + "a0".repeat(32)),
                    "http://127.0.0.1:9185",
                    new byte[] {1, 2, 3},
                    new byte[] {4, 5},
                    List.of(0, 1, 2),
                    3)));
            long version = 3;
            String versionBcs = Base64.getEncoder()
                    .encodeToString(new dev.walrussync.walrus.bcs.BcsWriter()
                            .u64(version)
                            .toByteArray());
            JsonNode inner = net.graphQl(
                            WALRUS_SYSTEM, Map.of("system", Oracle.SYSTEM.toString(), "versionBcs", versionBcs))
                    .at("/data/object/dynamicField/value/json");
            JsonNode node = inner.at("/nodes/0");
            assertThat(node.get("name").asText()).isEqualTo("node-0");
            assertThat(node.get("network_address").asText()).isEqualTo("http://127.0.0.1:9185");
            assertThat(node.at("/public_key/bytes").asText()).isEqualTo("AQID");
            assertThat(node.get("shard_ids")).hasSize(3);
            assertThat(inner.at("/committee/members/0/weight").asInt()).isEqualTo(3);
            assertThat(inner.at("/committee/members/0/node_id").asText()).isEqualTo("0x" + "a0".repeat(32));
        }
    }
}
