package dev.walrussync.walrus.sui;

import static dev.walrussync.walrus.sui.SuiTxVectors.BLOB;
import static dev.walrussync.walrus.sui.SuiTxVectors.GAS_BUDGET;
import static dev.walrussync.walrus.sui.SuiTxVectors.GAS_COIN;
import static dev.walrussync.walrus.sui.SuiTxVectors.GAS_PRICE;
import static dev.walrussync.walrus.sui.SuiTxVectors.KEY;
import static dev.walrussync.walrus.sui.SuiTxVectors.RECIPIENT;
import static dev.walrussync.walrus.sui.SuiTxVectors.SEED;
import static dev.walrussync.walrus.sui.SuiTxVectors.SENDER;
import static dev.walrussync.walrus.sui.SuiTxVectors.SYSTEM;
import static dev.walrussync.walrus.sui.SuiTxVectors.WALRUS_PACKAGE;
import static dev.walrussync.walrus.sui.SuiTxVectors.WAL_COIN;
import static dev.walrussync.walrus.sui.SuiTxVectors.WAL_COIN_2;
import static dev.walrussync.walrus.sui.SuiTxVectors.WAL_TYPE;
import static dev.walrussync.walrus.sui.SuiTxVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rebuilds, hashes, signs and verifies the six oracle transactions and compares every byte with the SDK's. */
class SuiTxVectorsTest {
    private static final Ed25519Keypair KEYPAIR = Ed25519Keypair.fromSeed(SEED);

    static List<String> vectorNames() {
        return SuiTxVectors.names();
    }

    /** Builds vector {@code name} from the fixed inputs with the builder, as the oracle script does with the SDK. */
    static TransactionData build(String name) {
        ProgrammableTransactionBuilder ptb = new ProgrammableTransactionBuilder();
        switch (name) {
            case "extend_blob" -> ptb.extendBlob(WALRUS_PACKAGE, SYSTEM, BLOB, 5, WAL_COIN);
            case "split_and_transfer_wal" -> {
                List<Argument> parts = ptb.splitCoins(ptb.object(WAL_COIN), 1_000_000_000L);
                ptb.transferObjects(List.of(parts.get(0)), RECIPIENT);
            }
            case "insert_or_update_metadata_pair" ->
                ptb.insertOrUpdateMetadataPair(WALRUS_PACKAGE, BLOB, "content-type", "image/png");
            case "merge_wal_then_extend_blob" -> {
                Argument a = ptb.object(WAL_COIN);
                ptb.mergeCoins(a, List.of(ptb.object(WAL_COIN_2)));
                ptb.extendBlob(WALRUS_PACKAGE, SYSTEM, BLOB, 52, WAL_COIN);
            }
            case "transfer_sui_from_gas_coin" -> {
                List<Argument> parts = ptb.splitCoins(ptb.gasCoin(), 100_000_000L);
                ptb.transferObjects(List.of(parts.get(0)), RECIPIENT);
            }
            case "redeem_wal_from_address_balance_then_extend" -> {
                Argument coin = ptb.redeemFunds(WAL_TYPE, 2_000_000_000L);
                ptb.extendBlob(WALRUS_PACKAGE, SYSTEM, BLOB, 5, coin);
                ptb.transferObjects(List.of(coin), SENDER);
            }
            default -> throw new IllegalArgumentException("unknown vector " + name);
        }
        GasData gas = new GasData(List.of(GAS_COIN), SENDER, GAS_PRICE, GAS_BUDGET);
        return ptb.build(SENDER, gas, TransactionExpiration.NONE);
    }

    @Test
    void fileHoldsTheSixExpectedVectors() {
        assertThat(vectorNames())
                .containsExactly(
                        "extend_blob",
                        "split_and_transfer_wal",
                        "insert_or_update_metadata_pair",
                        "merge_wal_then_extend_blob",
                        "transfer_sui_from_gas_coin",
                        "redeem_wal_from_address_balance_then_extend");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void builderReproducesTheSdkTransactionBytes(String name) {
        JsonNode v = SuiTxVectors.vector(name);

        byte[] bytes = build(name).toBcs();

        assertThat(hex(bytes)).isEqualTo(v.get("txBytesHex").asText());
        assertThat(bytes).hasSize(v.get("txBytesLength").asInt());
        assertThat(build(name).toBase64()).isEqualTo(v.get("txBytesBase64").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void digestIntentMessageAndSigningHashMatchTheSdk(String name) {
        JsonNode v = SuiTxVectors.vector(name);
        TransactionData tx = build(name);

        assertThat(tx.digest().toString()).isEqualTo(v.get("txDigestBase58").asText());
        assertThat(tx.digest().toHex()).isEqualTo(v.get("txDigestHex").asText());
        assertThat(hex(tx.intentMessage())).isEqualTo(v.get("intentMessageHex").asText());
        assertThat(hex(tx.signingDigest()))
                .isEqualTo(v.get("signingDigestBlake2b256Hex").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void signatureAndSerializedSignatureMatchTheSdk(String name) {
        JsonNode v = SuiTxVectors.vector(name);
        byte[] bytes = build(name).toBcs();

        String serialized = KEYPAIR.serializedSignature(bytes);

        assertThat(hex(KEYPAIR.sign(bytes)))
                .isEqualTo(v.get("ed25519SignatureHex").asText());
        assertThat(serialized).isEqualTo(v.get("serializedSignatureBase64").asText());
        assertThat(hex(Base64.getDecoder().decode(serialized)))
                .isEqualTo(v.get("serializedSignatureHex").asText());
        JsonNode gql = v.get("graphqlExecuteVariables");
        assertThat(build(name).toBase64())
                .isEqualTo(gql.get("transactionDataBcs").asText());
        assertThat(gql.get("signatures")).hasSize(1);
        assertThat(serialized).isEqualTo(gql.get("signatures").get(0).asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void decodingTheSdkBytesAndEncodingAgainRoundTripsExactly(String name) {
        byte[] bytes = SuiTxVectors.txBytes(name);

        TransactionData decoded = TransactionData.fromBcs(bytes);

        assertThat(decoded.toBcs()).isEqualTo(bytes);
        assertThat(decoded).isEqualTo(build(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void decodedTransactionMatchesTheSdkDecoding(String name) {
        JsonNode sdk = SuiTxVectors.vector(name).get("decodedBySdk").get("V1");
        TransactionData tx = TransactionData.fromBcs(SuiTxVectors.txBytes(name));

        assertThat(tx.sender().toString()).isEqualTo(sdk.get("sender").asText());
        JsonNode gas = sdk.get("gasData");
        assertThat(tx.gasData().owner().toString()).isEqualTo(gas.get("owner").asText());
        assertThat(Long.toUnsignedString(tx.gasData().price()))
                .isEqualTo(gas.get("price").asText());
        assertThat(Long.toUnsignedString(tx.gasData().budget()))
                .isEqualTo(gas.get("budget").asText());
        assertThat(tx.gasData().payment().get(0).digest().toString())
                .isEqualTo(gas.get("payment").get(0).get("digest").asText());
        assertThat(tx.expiration()).isEqualTo(TransactionExpiration.NONE);
        assertThat(sdk.get("expiration").get("$kind").asText()).isEqualTo("None");

        JsonNode pt = sdk.get("kind").get("ProgrammableTransaction");
        List<CallArg> inputs = tx.transaction().inputs();
        assertThat(inputs).hasSize(pt.get("inputs").size());
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(kindOf(inputs.get(i)))
                    .isEqualTo(pt.get("inputs").get(i).get("$kind").asText());
        }
        List<Command> commands = tx.transaction().commands();
        assertThat(commands).hasSize(pt.get("commands").size());
        for (int i = 0; i < commands.size(); i++) {
            JsonNode c = pt.get("commands").get(i);
            assertThat(commands.get(i).getClass().getSimpleName())
                    .isEqualTo(c.get("$kind").asText());
            if (commands.get(i) instanceof Command.MoveCall call) {
                JsonNode m = c.get("MoveCall");
                assertThat(call.packageId().toString())
                        .isEqualTo(m.get("package").asText());
                assertThat(call.module()).isEqualTo(m.get("module").asText());
                assertThat(call.function()).isEqualTo(m.get("function").asText());
                assertThat(call.typeArguments()).hasSize(m.get("typeArguments").size());
                for (int t = 0; t < call.typeArguments().size(); t++) {
                    assertThat(call.typeArguments().get(t).toString())
                            .isEqualTo(m.get("typeArguments").get(t).asText());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void annotatedByteMapCoversTheBytesContiguously(String name) {
        JsonNode v = SuiTxVectors.vector(name);
        byte[] bytes = build(name).toBcs();

        int expectedOffset = 0;
        for (JsonNode a : v.get("annotatedBytes")) {
            int offset = a.get("offset").asInt();
            int length = a.get("length").asInt();
            assertThat(offset).as(a.get("field").asText()).isEqualTo(expectedOffset);
            assertThat(hex(Arrays.copyOfRange(bytes, offset, offset + length)))
                    .as(a.get("field").asText())
                    .isEqualTo(a.get("hex").asText());
            expectedOffset = offset + length;
        }
        assertThat(expectedOffset).isEqualTo(bytes.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void verifyAcceptsTheSdkSignatureAndReturnsTheSender(String name) throws Exception {
        JsonNode v = SuiTxVectors.vector(name);

        SuiAddress signer =
                Ed25519Keypair.verify(v.get("serializedSignatureBase64").asText(), SuiTxVectors.txBytes(name));

        assertThat(signer).isEqualTo(SENDER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void verifyRejectsAFlippedBitInTheSignature(String name) {
        byte[] serialized = Base64.getDecoder()
                .decode(SuiTxVectors.vector(name)
                        .get("serializedSignatureBase64")
                        .asText());
        byte[] bytes = SuiTxVectors.txBytes(name);

        for (int bit : new int[] {8, 8 * 20 + 3, 8 * 64 + 7}) { // first, middle and last signature byte
            byte[] tampered = serialized.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            String encoded = Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> Ed25519Keypair.verify(encoded, bytes))
                    .isInstanceOf(InvalidSignatureException.class)
                    .hasMessageContaining("does not verify");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void verifyRejectsAFlippedBitInTheTransactionBytes(String name) {
        String serialized =
                SuiTxVectors.vector(name).get("serializedSignatureBase64").asText();
        byte[] bytes = SuiTxVectors.txBytes(name);

        for (int index : new int[] {0, bytes.length / 2, bytes.length - 1}) {
            byte[] tampered = bytes.clone();
            tampered[index] ^= 0x01;
            assertThatThrownBy(() -> Ed25519Keypair.verify(serialized, tampered))
                    .isInstanceOf(InvalidSignatureException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void verifyRejectsAFlippedBitInThePublicKey(String name) {
        byte[] serialized = Base64.getDecoder()
                .decode(SuiTxVectors.vector(name)
                        .get("serializedSignatureBase64")
                        .asText());
        byte[] bytes = SuiTxVectors.txBytes(name);

        for (int index : new int[] {65, 80, 96}) { // first, middle and last public-key byte
            byte[] tampered = serialized.clone();
            tampered[index] ^= 0x02;
            String encoded = Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> Ed25519Keypair.verify(encoded, bytes))
                    .isInstanceOf(InvalidSignatureException.class);
        }
    }

    @Test
    void fixedSeedGivesTheVectorPublicKeyAddressAndSuiPrivateKey() {
        assertThat(hex(KEYPAIR.publicKey())).isEqualTo(KEY.get("publicKeyHex").asText());
        assertThat(Base64.getEncoder().encodeToString(KEYPAIR.publicKey()))
                .isEqualTo(KEY.get("publicKeyBase64").asText());
        assertThat(KEYPAIR.address().toString()).isEqualTo(KEY.get("suiAddress").asText());
        assertThat(SuiAddress.fromEd25519PublicKey(KEYPAIR.publicKey())).isEqualTo(KEYPAIR.address());
        byte[] preimage = hex(KEY.get("addressPreimageHex_flag00_plus_pubkey").asText());
        assertThat(Blake2b256.hash(preimage)).isEqualTo(KEYPAIR.address().toBytes());
        assertThat(Base64.getEncoder().encodeToString(preimage))
                .isEqualTo(KEY.get("suiPublicKeyBase64_flagPlusPubkey").asText());
        assertThat(KEYPAIR.toSuiPrivateKey())
                .isEqualTo(KEY.get("suiPrivateKeyBech32").asText());
    }

    @Test
    void vectorSuiPrivateKeyDecodesToTheFixedSeedAndKeypair() {
        String exported = KEY.get("suiPrivateKeyBech32").asText();

        SuiPrivateKey key = SuiPrivateKey.decode(exported);

        assertThat(key.scheme()).isEqualTo(SignatureScheme.ED25519);
        assertThat(key.secretKey()).isEqualTo(SEED);
        byte[] payload = Bech32.decode(exported).data();
        assertThat(hex(payload))
                .isEqualTo(KEY.get("suiPrivateKeyPayloadHex_flag_plus_secret").asText());
        assertThat(Ed25519Keypair.fromSuiPrivateKey(exported).address()).isEqualTo(SENDER);
    }

    @Test
    void pureArgumentEncodingsMatchTheVectorFile() {
        JsonNode pure = SuiTxVectors.ROOT.get("pureArgumentEncodingsHex");
        Map<String, byte[]> ours = Map.of(
                "u32 5", pureBytes(b -> b.pureU32(5)),
                "u32 52", pureBytes(b -> b.pureU32(52)),
                "u64 1000000000", pureBytes(b -> b.pureU64(1_000_000_000L)),
                "String \"content-type\"", pureBytes(b -> b.pureString("content-type")),
                "bool true", pureBytes(b -> b.pureBool(true)),
                "vector<u8> [1,2,3]", pureBytes(b -> b.pureBytes(new byte[] {1, 2, 3})),
                "u256 1 (e.g. blob_id)", pureBytes(b -> b.pureU256(BigInteger.ONE)),
                "Option<u64> None",
                        new BcsWriter()
                                .option(Optional.<Long>empty(), BcsWriter::u64)
                                .toByteArray(),
                "Option<u64> Some(7)",
                        new BcsWriter().option(Optional.of(7L), BcsWriter::u64).toByteArray(),
                "ULEB128 300", new BcsWriter().uleb128(300).toByteArray());

        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(() -> pure.fieldNames());
        ours.forEach((label, bytes) ->
                assertThat(hex(bytes)).as(label).isEqualTo(pure.get(label).asText()));
    }

    @Test
    void fixedObjectDigestsAreBase58OfTheFilledBytes() {
        byte[] filled = new byte[32];
        Arrays.fill(filled, (byte) 0x23);
        assertThat(BLOB.digest().toBytes()).isEqualTo(filled);
        Arrays.fill(filled, (byte) 0x12);
        assertThat(GAS_COIN.digest().toBytes()).isEqualTo(filled);
        assertThat(Base58.encode(filled))
                .isEqualTo(SuiTxVectors.FIXED.get("gasCoin").get("digest").asText());
    }

    /** Adds one pure input to a builder. */
    private interface PureAdder {
        Argument add(ProgrammableTransactionBuilder builder);
    }

    private static byte[] pureBytes(PureAdder adder) {
        ProgrammableTransactionBuilder b = new ProgrammableTransactionBuilder();
        adder.add(b);
        return ((CallArg.Pure) b.build().inputs().get(0)).bytes();
    }

    private static String kindOf(CallArg arg) {
        return switch (arg) {
            case CallArg.Pure p -> "Pure";
            case CallArg.ObjectInput o -> "Object";
            case CallArg.Withdrawal w -> "FundsWithdrawal";
        };
    }
}
