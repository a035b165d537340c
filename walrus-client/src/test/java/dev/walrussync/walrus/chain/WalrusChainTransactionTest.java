package dev.walrussync.walrus.chain;

import static dev.walrussync.walrus.chain.FakeSuiGraphQl.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.http.WalrusException;
import dev.walrussync.walrus.sui.CallArg;
import dev.walrussync.walrus.sui.Command;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.ObjectArg;
import dev.walrussync.walrus.sui.ProgrammableTransaction;
import dev.walrussync.walrus.sui.SharedObjectRef;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TransactionData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * Transactions through {@link WalrusChain}'s whole path (system, blob, coin selection, gas price, dry run, signing,
 * execution) against canned Sui GraphQL answers built from the oracle's fixed inputs: the executed bytes and
 * signature must equal the @mysten/sui vectors in {@code sui-tx-vectors.json}.
 */
class WalrusChainTransactionTest {
    static final JsonNode VECTORS = load();
    static final JsonNode FIXED = VECTORS.get("fixedInputs");
    static final Ed25519Keypair SIGNER = Ed25519Keypair.fromSeed(
            HexFormat.of().parseHex(VECTORS.at("/key/secretKeyHex").asText()));

    static JsonNode vector(String name) {
        for (JsonNode v : VECTORS.get("vectors")) {
            if (v.get("name").asText().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static String objectNode(JsonNode ref, String balance) {
        return """
                {"address":"%s","version":%s,"digest":"%s","contents":{"json":{"id":"%s","balance":"%s"}}}""".formatted(
                        ref.get("objectId").asText(),
                        ref.get("version").asText(),
                        ref.get("digest").asText(),
                        ref.get("objectId").asText(),
                        balance);
    }

    static String coins(String... nodes) {
        return "{\"address\":{\"objects\":{\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null},\"nodes\":["
                + String.join(",", nodes) + "]}}}";
    }

    /** Answers for a mainnet-like chain holding the oracle's blob, WAL coins and gas coin. */
    static final class Chain {
        String walCoins;
        String expectedDigest;
        long computationCost = 9_000_000; // budget = 9e6 + 1000 · 1000 = the oracle's 10,000,000
        String status = "SUCCESS";
        String executionError = "null";
        boolean deletable = true;

        MockResponse answer(String op, JsonNode variables) {
            JsonNode blob = FIXED.get("blob");
            return switch (op) {
                case "VersionedObject" -> data(WalrusChainTest.SYSTEM_OBJECT);
                case "InnerState" -> data(WalrusChainTest.SYSTEM_INNER);
                case "GetObject" ->
                    data("""
                        {"object":{"address":"%s","version":%s,"digest":"%s",
                          "owner":{"__typename":"AddressOwner","address":{"address":"%s"}},
                          "asMoveObject":{"contents":{"type":{"repr":"%s::blob::Blob"},"bcs":"%s"}}}}""".formatted(
                                    blob.get("objectId").asText(),
                                    blob.get("version").asText(),
                                    blob.get("digest").asText(),
                                    SIGNER.address(),
                                    WalrusChainTest.ORIGINAL,
                                    Base64.getEncoder()
                                            .encodeToString(WalrusChainTest.blobBcs(
                                                    blob.get("objectId").asText(),
                                                    20,
                                                    BlobId.fromHex("0a".repeat(32)),
                                                    1000,
                                                    20L,
                                                    20,
                                                    30,
                                                    66_000_000,
                                                    deletable))));
                case "OwnedCoins" ->
                    data(
                            variables.get("type").asText().contains("::wal::WAL")
                                    ? walCoins
                                    : coins(objectNode(FIXED.get("gasCoin"), "3000000000")));
                case "ReferenceGasPrice" -> data("{\"epoch\":{\"referenceGasPrice\":\"1000\"}}");
                case "Simulate" -> data("""
                        {"simulateTransaction":{"effects":{"status":"%s","executionError":%s,
                          "gasEffects":{"gasSummary":{"computationCost":%d,"storageCost":2964000,"storageRebate":2934360}}}}}""".formatted(status, executionError, computationCost - 29_640));
                case "Execute" -> data("""
                        {"executeTransaction":{"effects":{"digest":"%s","status":"SUCCESS","executionError":null,
                          "gasEffects":{"gasSummary":{"computationCost":1000000,"storageCost":2964000,"storageRebate":2934360}}}}}""".formatted(expectedDigest));
                case "WaitForTx" -> data("{\"transaction\":{\"effects\":{\"status\":\"SUCCESS\"}}}");
                default -> new MockResponse().setResponseCode(500);
            };
        }
    }

    private static WalrusChain client(FakeSuiGraphQl fake) {
        return WalrusChainTest.chain(fake, false, RetryPolicy.NONE);
    }

    private static void assertExecuted(FakeSuiGraphQl fake, JsonNode vector) {
        List<FakeSuiGraphQl.Call> executed = fake.calls("Execute");
        assertThat(executed).hasSize(1);
        JsonNode sent = executed.getFirst().variables();
        JsonNode expected = vector.get("graphqlExecuteVariables");
        assertThat(sent.get("transactionDataBcs").asText())
                .isEqualTo(expected.get("transactionDataBcs").asText());
        assertThat(sent.get("signatures")).isEqualTo(expected.get("signatures"));
        assertThat(executed.getFirst().query())
                .contains("executeTransaction(transactionDataBcs: $transactionDataBcs, signatures: $signatures)");
        assertThat(fake.calls("Simulate")).hasSize(1);
    }

    @Test
    void extendBlobSendsTheOracleVector1BytesAndSignature() throws Exception {
        JsonNode vector = vector("extend_blob");
        Chain chain = new Chain();
        // cost = 63 units (66,000,000 bytes) × 11,000 × 5 = 3,465,000 FROST: the one coin covers it
        chain.walCoins = coins(objectNode(FIXED.get("walCoin"), "5000000000"));
        chain.expectedDigest = vector.get("txDigestBase58").asText();
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl(chain::answer)) {
            TransactionOutcome outcome = client(fake)
                    .extendBlob(
                            SIGNER, SuiAddress.parse(FIXED.at("/blob/objectId").asText()), 5);

            assertThat(SIGNER.address().toString())
                    .isEqualTo(VECTORS.at("/key/suiAddress").asText());
            assertExecuted(fake, vector);
            assertThat(outcome.digest()).isEqualTo(vector.get("txDigestBase58").asText());
            assertThat(outcome.gasMist()).isEqualTo(1_000_000 + 2_964_000 - 2_934_360);
            // the dry run sent the same transaction shape as BCS under {"bcs": {"value"}}
            JsonNode tx = fake.calls("Simulate").getFirst().variables().get("tx");
            assertThat(tx.at("/bcs/value").asText()).isNotBlank();
            assertThat(fake.calls("WaitForTx")
                            .getFirst()
                            .variables()
                            .get("digest")
                            .asText())
                    .isEqualTo(outcome.digest());
        }
    }

    @Test
    void extendBlobMergesWalCoinsFirstWhenNoneCoversTheCostAsVector4() throws Exception {
        JsonNode vector = vector("merge_wal_then_extend_blob");
        Chain chain = new Chain();
        // 63 units × 11,000 × 52 epochs = 36,036,000 FROST; the coins hold 20,000,000 and 17,000,000
        chain.walCoins =
                coins(objectNode(FIXED.get("walCoin2"), "17000000"), objectNode(FIXED.get("walCoin"), "20000000"));
        chain.expectedDigest = vector.get("txDigestBase58").asText();
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl(chain::answer)) {
            client(fake)
                    .extendBlob(
                            SIGNER, SuiAddress.parse(FIXED.at("/blob/objectId").asText()), 52);
            assertExecuted(fake, vector);
        }
    }

    @Test
    void notEnoughWalIsRefusedBeforeAnythingIsSigned() throws Exception {
        Chain chain = new Chain();
        chain.walCoins = coins(objectNode(FIXED.get("walCoin2"), "1000"), objectNode(FIXED.get("walCoin"), "2000"));
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl(chain::answer)) {
            assertThatThrownBy(() -> client(fake)
                            .extendBlob(
                                    SIGNER,
                                    SuiAddress.parse(FIXED.at("/blob/objectId").asText()),
                                    52))
                    .isInstanceOf(WalrusException.class)
                    .hasMessageContaining("not enough WAL")
                    .hasMessageContaining("36036000");
            assertThat(fake.calls("Execute")).isEmpty();
        }
    }

    @Test
    void setAttributeSendsTheOracleVector3() throws Exception {
        JsonNode vector = vector("insert_or_update_metadata_pair");
        Chain chain = new Chain();
        chain.expectedDigest = vector.get("txDigestBase58").asText();
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl(chain::answer)) {
            client(fake)
                    .setAttribute(
                            SIGNER, SuiAddress.parse(FIXED.at("/blob/objectId").asText()), "content-type", "image/png");
            assertExecuted(fake, vector);
        }
    }

    @Test
    void aDryRunAbortIsShownInPlainWordsAndNothingIsExecuted() throws Exception {
        Chain chain = new Chain();
        chain.walCoins = coins(objectNode(FIXED.get("walCoin"), "5000000000"));
        chain.status = "FAILURE";
        chain.executionError = """
                {"message":"MoveAbort in 1st command, abort code: 2, in '0x98da…::system_state_inner::extend_blob' (instruction 27)",
                 "abortCode":"2","identifier":"EInvalidEpochsAhead","module":{"name":"system_state_inner"},
                 "function":{"name":"extend_blob"}}""";
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl(chain::answer)) {
            assertThatThrownBy(() -> client(fake)
                            .extendBlob(
                                    SIGNER,
                                    SuiAddress.parse(FIXED.at("/blob/objectId").asText()),
                                    5))
                    .isInstanceOf(WalrusException.class)
                    .hasMessageContaining("would fail")
                    .hasMessageContaining("the new end epoch is beyond the maximum number of epochs ahead")
                    .hasMessageContaining("system_state_inner::extend_blob")
                    .hasMessageContaining("EInvalidEpochsAhead");
            assertThat(fake.calls("Execute")).isEmpty();
        }
    }

    @Test
    void effectsForAnotherDigestAreRejected() throws Exception {
        Chain chain = new Chain();
        chain.walCoins = coins(objectNode(FIXED.get("walCoin"), "5000000000"));
        chain.expectedDigest =
                vector("split_and_transfer_wal").get("txDigestBase58").asText();
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl(chain::answer)) {
            assertThatThrownBy(() -> client(fake)
                            .extendBlob(
                                    SIGNER,
                                    SuiAddress.parse(FIXED.at("/blob/objectId").asText()),
                                    5))
                    .isInstanceOf(WalrusException.class)
                    .hasMessageContaining("but the transaction sent was "
                            + vector("extend_blob").get("txDigestBase58").asText());
        }
    }

    @Test
    void deleteBlobUsesTheSystemImmutablyAndKeepsTheStorage() throws Exception {
        Chain chain = new Chain();
        chain.expectedDigest = "unused";
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl(chain::answer)) {
            assertThatThrownBy(() -> client(fake)
                            .deleteBlob(
                                    SIGNER,
                                    SuiAddress.parse(FIXED.at("/blob/objectId").asText())))
                    .hasMessageContaining("but the transaction sent was");
            byte[] tx = Base64.getDecoder()
                    .decode(fake.calls("Execute")
                            .getFirst()
                            .variables()
                            .get("transactionDataBcs")
                            .asText());
            ProgrammableTransaction ptx = TransactionData.fromBcs(tx).transaction();
            assertThat(ptx.inputs())
                    .contains(new CallArg.ObjectInput(new ObjectArg.SharedObject(
                            new SharedObjectRef(SuiAddress.parse(WalrusChainTest.SYSTEM), 317_862_159L, false))));
            assertThat(ptx.commands()).hasSize(2);
            assertThat(ptx.commands().get(0)).isInstanceOfSatisfying(Command.MoveCall.class, c -> {
                assertThat(c.toString()).contains("system").contains("delete_blob");
            });
            assertThat(ptx.commands().get(1)).isInstanceOf(Command.TransferObjects.class);
        }
        chain.deletable = false;
        try (FakeSuiGraphQl fake = new FakeSuiGraphQl(chain::answer)) {
            assertThatThrownBy(() -> client(fake)
                            .deleteBlob(
                                    SIGNER,
                                    SuiAddress.parse(FIXED.at("/blob/objectId").asText())))
                    .hasMessageContaining("permanent");
            assertThat(fake.calls("Simulate")).isEmpty();
        }
    }

    private static JsonNode load() {
        try (InputStream in = WalrusChainTransactionTest.class.getResourceAsStream("/sui-tx-vectors.json")) {
            return FakeSuiGraphQl.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
