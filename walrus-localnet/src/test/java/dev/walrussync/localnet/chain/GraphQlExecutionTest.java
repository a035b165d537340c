package dev.walrussync.localnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.ObjectRef;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The oracle transactions and hand-built ones through the real GraphQL mutation on loopback. */
class GraphQlExecutionTest {
    static List<String> names() {
        return Oracle.names();
    }

    private static final String OBJECT = """
            query GetObject($id: SuiAddress!) {
              object(address: $id) { address version digest asMoveObject { contents { json } } }
            }""";

    static JsonNode object(TestNet net, SuiAddress id) {
        return net.graphQl(OBJECT, Map.of("id", id.toString())).at("/data/object");
    }

    /** Versions and digests of every object the vectors touch, plus the latest checkpoint. */
    static List<Object> snapshot(TestNet net) {
        List<Object> out = new java.util.ArrayList<>();
        for (ObjectRef ref : List.of(Oracle.BLOB, Oracle.WAL_COIN, Oracle.WAL_COIN_2, Oracle.GAS_COIN)) {
            out.add(net.chain.object(ref.objectId()).orElseThrow().ref());
        }
        out.add(net.chain.object(Oracle.SYSTEM).orElseThrow().ref());
        out.add(net.chain.latestCheckpoint());
        out.add(net.chain.addressBalance(Oracle.SENDER, Oracle.WAL));
        return out;
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyOracleVectorIsAcceptedByTheMutationWithTheOraclesOwnVariables(String name) throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode response = net.graphQl(TestNet.EXECUTE, Oracle.variables(name));
            assertThat(response.has("errors")).as(response.toString()).isFalse();
            JsonNode effects = response.at("/data/executeTransaction/effects");
            assertThat(effects.get("status").asText()).isEqualTo("SUCCESS");
            assertThat(effects.get("digest").asText())
                    .isEqualTo(Oracle.digest(name).toString());
            assertThat(effects.get("executionError").isNull()).isTrue();
            assertThat(effects.get("lamportVersion").isNumber()).isTrue();
            assertThat(effects.at("/gasEffects/gasObject/address").asText())
                    .isEqualTo(Oracle.GAS_COIN.objectId().toString());
            assertThat(effects.at("/gasEffects/gasSummary/computationCost").isNumber())
                    .isTrue();
            assertThat(effects.at("/objectChanges/pageInfo/hasNextPage").asBoolean())
                    .isFalse();
            for (JsonNode change : effects.at("/objectChanges/nodes")) {
                if (!change.get("idDeleted").asBoolean()) {
                    assertThat(change.at("/outputState/version").asLong())
                            .isEqualTo(effects.get("lamportVersion").asLong());
                    assertThat(change.at("/outputState/asMoveObject/contents/type/repr")
                                    .asText())
                            .startsWith("0x");
                }
            }
            assertThat(Base64.getDecoder().decode(effects.get("effectsBcs").asText()))
                    .isNotEmpty();
        }
    }

    @Test
    void extendBlobMovesTheEndEpochByFiveAndChargesExactlyUnitsTimesPriceTimesEpochs() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            long walBefore = object(net, Oracle.WAL_COIN.objectId())
                    .at("/asMoveObject/contents/json/balance")
                    .asLong();
            assertThat(object(net, Oracle.BLOB.objectId())
                            .at("/asMoveObject/contents/json/storage/end_epoch")
                            .asLong())
                    .isEqualTo(Oracle.BLOB_END_EPOCH);

            JsonNode effects = net.graphQl(TestNet.EXECUTE, Oracle.variables(Oracle.EXTEND))
                    .at("/data/executeTransaction/effects");

            assertThat(effects.get("status").asText()).isEqualTo("SUCCESS");
            JsonNode blob = object(net, Oracle.BLOB.objectId());
            assertThat(blob.at("/asMoveObject/contents/json/storage/end_epoch").asLong())
                    .isEqualTo(Oracle.BLOB_END_EPOCH + 5);
            assertThat(blob.get("version").asLong())
                    .isEqualTo(effects.get("lamportVersion").asLong());
            long units = (Oracle.STORAGE_SIZE + (1 << 20) - 1) >> 20;
            assertThat(units).isEqualTo(63);
            long walAfter = object(net, Oracle.WAL_COIN.objectId())
                    .at("/asMoveObject/contents/json/balance")
                    .asLong();
            assertThat(walBefore - walAfter).isEqualTo(units * Oracle.STORAGE_PRICE * 5);
        }
    }

    @Test
    void aTransactionWithOneByteChangedIsRejectedAndChangesNothing() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            List<Object> before = snapshot(net);
            byte[] tampered = Oracle.txBytes(Oracle.EXTEND);
            assertThat(tampered[123]).isEqualTo((byte) 5); // the u32 extended_epochs
            tampered[123] = 6;
            JsonNode response = net.execute(tampered, Oracle.signatures(Oracle.EXTEND));
            assertThat(response.get("data").isNull()).isTrue();
            assertThat(response.at("/errors/0/message").asText()).contains("Signature is not valid");
            assertThat(snapshot(net)).isEqualTo(before);
        }
    }

    @Test
    void aSignatureWithItsLastByteFlippedIsRejectedAndChangesNothing() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            List<Object> before = snapshot(net);
            byte[] signature =
                    Base64.getDecoder().decode(Oracle.signatures(Oracle.EXTEND).getFirst());
            signature[signature.length - 1] ^= 0x01;
            JsonNode response = net.execute(
                    Oracle.txBytes(Oracle.EXTEND), List.of(Base64.getEncoder().encodeToString(signature)));
            assertThat(response.get("data").isNull()).isTrue();
            assertThat(response.at("/errors/0/message").asText()).contains("Signature is not valid");
            assertThat(snapshot(net)).isEqualTo(before);
        }
    }

    @Test
    void resubmittingAnExecutedVectorReturnsTheSameEffectsAndChargesNothingMore() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode first = net.graphQl(TestNet.EXECUTE, Oracle.variables(Oracle.EXTEND));
            List<Object> after = snapshot(net);
            JsonNode again = net.graphQl(TestNet.EXECUTE, Oracle.variables(Oracle.EXTEND));
            assertThat(again.has("errors")).isFalse();
            assertThat(again).isEqualTo(first);
            assertThat(snapshot(net)).isEqualTo(after);
        }
    }

    @Test
    void replayingVectorsAfterOneHasConsumedTheirInputsIsRejectedAsStale() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            net.graphQl(TestNet.EXECUTE, Oracle.variables(Oracle.EXTEND));
            List<Object> after = snapshot(net);
            long current =
                    net.chain.object(Oracle.GAS_COIN.objectId()).orElseThrow().version();
            for (String name : Oracle.names()) {
                if (name.equals(Oracle.EXTEND)) {
                    continue;
                }
                JsonNode response = net.graphQl(TestNet.EXECUTE, Oracle.variables(name));
                assertThat(response.get("data").isNull()).as(name).isTrue();
                assertThat(response.at("/errors/0/message").asText())
                        .as(name)
                        .contains("is not available for consumption, current version: 0x"
                                + Long.toHexString(current).substring(0, 1));
            }
            assertThat(snapshot(net)).isEqualTo(after);
        }
    }

    @Test
    void usingAnObjectOwnedBySomeoneElseIsRejectedWithSuisWrongOwnerError() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            Ed25519Keypair other = Ed25519Keypair.fromSeed(new byte[32]);
            ObjectRef gas = net.chain.fund(other.address()).coins().getFirst().ref();
            List<Object> before = snapshot(net);
            JsonNode response = net.execute(
                    other,
                    gas,
                    10_000_000,
                    b -> b.insertOrUpdateMetadataPair(
                            ChainConfig.MAINNET_WALRUS_PACKAGE, net.ref(Oracle.BLOB.objectId()), "k", "v"));
            assertThat(response.get("data").isNull()).isTrue();
            assertThat(response.at("/errors/0/message").asText())
                    .contains("Transaction was not signed by the correct sender: Object " + Oracle.BLOB.objectId()
                            + " is owned by account address " + Oracle.SENDER
                            + ", but given owner/signer address is " + other.address());
            assertThat(snapshot(net)).isEqualTo(before);
        }
    }

    @Test
    void anUnknownFunctionFailsWithFunctionNotFoundAndOnlyGasIsCharged() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            Ed25519Keypair key = Ed25519Keypair.fromSeed(Oracle.SEED);
            JsonNode blobBefore = object(net, Oracle.BLOB.objectId()).at("/asMoveObject/contents/json");
            JsonNode response = net.execute(
                    key,
                    Oracle.GAS_COIN,
                    10_000_000,
                    b -> b.moveCall(
                            ChainConfig.MAINNET_WALRUS_PACKAGE,
                            "blob",
                            "no_such_function",
                            List.of(),
                            List.of(b.object(Oracle.BLOB))));
            JsonNode effects = response.at("/data/executeTransaction/effects");
            assertThat(effects.get("status").asText()).isEqualTo("FAILURE");
            assertThat(effects.at("/executionError/message").asText())
                    .isEqualTo("Error in 1st command, Function Not Found.");
            assertThat(object(net, Oracle.BLOB.objectId()).at("/asMoveObject/contents/json"))
                    .isEqualTo(blobBefore);
            long gasAfter = ((CoinData) net.chain
                            .object(Oracle.GAS_COIN.objectId())
                            .orElseThrow()
                            .data())
                    .balance();
            JsonNode gas = effects.at("/gasEffects/gasSummary");
            assertThat(gasAfter)
                    .isEqualTo(Oracle.GAS_BALANCE
                            - gas.get("computationCost").asLong()
                            - gas.get("storageCost").asLong()
                            + gas.get("storageRebate").asLong());
        }
    }

    @Test
    void aCallToAPackageThatDoesNotExistIsRejectedAndChangesNothing() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            List<Object> before = snapshot(net);
            SuiAddress missing = SuiAddress.parse("0x" + "77".repeat(32));
            JsonNode response = net.execute(
                    Ed25519Keypair.fromSeed(Oracle.SEED),
                    Oracle.GAS_COIN,
                    10_000_000,
                    b -> b.moveCall(missing, "blob", "burn", List.of(), List.of(b.object(Oracle.BLOB))));
            assertThat(response.at("/errors/0/message").asText())
                    .contains("Dependent package not found on-chain: " + missing);
            assertThat(snapshot(net)).isEqualTo(before);
        }
    }

    @Test
    void extendingPastCurrentEpochPlus53AbortsWithEInvalidEpochsAheadAndKeepsTheBlob() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode response = net.execute(
                    Ed25519Keypair.fromSeed(Oracle.SEED),
                    Oracle.GAS_COIN,
                    10_000_000,
                    b -> b.extendBlob(
                            ChainConfig.MAINNET_WALRUS_PACKAGE, net.system(), Oracle.BLOB, 53, Oracle.WAL_COIN));
            JsonNode effects = response.at("/data/executeTransaction/effects");
            assertThat(effects.get("status").asText()).isEqualTo("FAILURE");
            JsonNode error = effects.get("executionError");
            assertThat(error.get("abortCode").asText()).isEqualTo("2");
            assertThat(error.at("/module/name").asText()).isEqualTo("system_state_inner");
            assertThat(error.at("/function/name").asText()).isEqualTo("extend_blob");
            assertThat(error.get("message").asText())
                    .startsWith("Error in 1st command, from '" + ChainConfig.MAINNET_WALRUS_PACKAGE
                            + "::system_state_inner::extend_blob' (instruction ")
                    .endsWith("abort code: 2");
            BlobData blob = (BlobData)
                    net.chain.object(Oracle.BLOB.objectId()).orElseThrow().data();
            assertThat(blob.endEpoch()).isEqualTo(Oracle.BLOB_END_EPOCH);
            CoinData wal = (CoinData)
                    net.chain.object(Oracle.WAL_COIN.objectId()).orElseThrow().data();
            assertThat(wal.balance()).isEqualTo(Oracle.WAL_BALANCE);
            assertThat(net.chain.blobStatus(Oracle.BLOB_ID).endEpoch()).isEqualTo(Oracle.BLOB_END_EPOCH);
        }
    }

    @Test
    void extendingUpToExactlyCurrentEpochPlus53Succeeds() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode response = net.execute(
                    Ed25519Keypair.fromSeed(Oracle.SEED),
                    Oracle.GAS_COIN,
                    10_000_000,
                    b -> b.extendBlob(
                            ChainConfig.MAINNET_WALRUS_PACKAGE, net.system(), Oracle.BLOB, 52, Oracle.WAL_COIN));
            assertThat(response.at("/data/executeTransaction/effects/status").asText())
                    .isEqualTo("SUCCESS");
            assertThat(((BlobData) net.chain
                                    .object(Oracle.BLOB.objectId())
                                    .orElseThrow()
                                    .data())
                            .endEpoch())
                    .isEqualTo(Oracle.EPOCH + 53);
        }
    }

    @Test
    void extendingAnExpiredBlobAbortsWithEResourceBounds() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            net.chain.advanceEpoch(); // epoch 2: the blob's end epoch, so it has expired
            JsonNode response = net.execute(
                    Ed25519Keypair.fromSeed(Oracle.SEED),
                    Oracle.GAS_COIN,
                    10_000_000,
                    b -> b.extendBlob(
                            ChainConfig.MAINNET_WALRUS_PACKAGE, net.system(), Oracle.BLOB, 1, Oracle.WAL_COIN));
            JsonNode error = response.at("/data/executeTransaction/effects/executionError");
            assertThat(error.get("abortCode").asText()).isEqualTo("2");
            assertThat(error.at("/module/name").asText()).isEqualTo("blob");
            assertThat(error.at("/function/name").asText()).isEqualTo("assert_certified_not_expired");
            assertThat(((BlobData) net.chain
                                    .object(Oracle.BLOB.objectId())
                                    .orElseThrow()
                                    .data())
                            .endEpoch())
                    .isEqualTo(Oracle.BLOB_END_EPOCH);
        }
    }

    @Test
    void aGasPriceBelowTheReferencePriceIsRejected() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            Ed25519Keypair key = Ed25519Keypair.fromSeed(Oracle.SEED);
            var builder = new dev.walrussync.walrus.sui.ProgrammableTransactionBuilder();
            builder.transferObjects(List.of(builder.object(Oracle.WAL_COIN)), Oracle.RECIPIENT);
            byte[] tx = builder.build(
                            key.address(),
                            new dev.walrussync.walrus.sui.GasData(
                                    List.of(Oracle.GAS_COIN), key.address(), 999, 10_000_000),
                            new dev.walrussync.walrus.sui.TransactionExpiration.None())
                    .toBcs();
            JsonNode response = net.execute(tx, List.of(key.serializedSignature(tx)));
            assertThat(response.at("/errors/0/message").asText())
                    .contains("Gas price 999 under reference gas price (RGP) 1000");
        }
    }

    @Test
    void aMergeFollowedByAnAbortingExtendLeavesBothCoinsAsTheyWere() throws Exception {
        try (TestNet net = TestNet.oracle()) {
            JsonNode response = net.execute(Ed25519Keypair.fromSeed(Oracle.SEED), Oracle.GAS_COIN, 10_000_000, b -> {
                var walA = b.object(Oracle.WAL_COIN);
                b.mergeCoins(walA, List.of(b.object(Oracle.WAL_COIN_2)));
                b.extendBlob(ChainConfig.MAINNET_WALRUS_PACKAGE, net.system(), Oracle.BLOB, 60, walA);
            });
            JsonNode effects = response.at("/data/executeTransaction/effects");
            assertThat(effects.get("status").asText()).isEqualTo("FAILURE");
            assertThat(effects.at("/executionError/message").asText()).startsWith("Error in 2nd command, ");
            CoinData walA = (CoinData)
                    net.chain.object(Oracle.WAL_COIN.objectId()).orElseThrow().data();
            CoinData walB = (CoinData)
                    net.chain.object(Oracle.WAL_COIN_2.objectId()).orElseThrow().data();
            assertThat(walA.balance()).isEqualTo(Oracle.WAL_BALANCE);
            assertThat(walB.balance()).isEqualTo(Oracle.WAL_2_BALANCE);
            assertThat(net.chain
                            .object(Oracle.WAL_COIN_2.objectId())
                            .orElseThrow()
                            .version())
                    .isEqualTo(effects.get("lamportVersion").asLong());
        }
    }
}
