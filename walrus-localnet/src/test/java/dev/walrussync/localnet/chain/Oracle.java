package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.ObjectRef;
import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TypeTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

/** The oracle's six signed transactions and a genesis that seeds every object they reference. */
final class Oracle {
    static final JsonNode ROOT = load();
    static final JsonNode FIXED = ROOT.get("fixedInputs");

    static final SuiAddress SENDER =
            SuiAddress.parse(ROOT.get("key").get("suiAddress").asText());
    static final byte[] SEED = java.util.HexFormat.of()
            .parseHex(ROOT.get("key").get("secretKeyHex").asText());
    static final SuiAddress RECIPIENT = SuiAddress.parse(FIXED.get("recipient").asText());
    static final ObjectRef BLOB = ref(FIXED.get("blob"));
    static final ObjectRef WAL_COIN = ref(FIXED.get("walCoin"));
    static final ObjectRef WAL_COIN_2 = ref(FIXED.get("walCoin2"));
    static final ObjectRef GAS_COIN = ref(FIXED.get("gasCoin"));
    static final SuiAddress SYSTEM =
            SuiAddress.parse(FIXED.get("systemObject").get("objectId").asText());
    static final long SYSTEM_ISV =
            FIXED.get("systemObject").get("initialSharedVersion").asLong();
    static final TypeTag WAL = TypeTag.parse(FIXED.get("walCoinType").asText());

    static final long EPOCH = 1;
    static final long BLOB_END_EPOCH = 2;
    static final long STORAGE_SIZE = 66_034_000; // a 17-byte blob on 1000 shards: 63 units
    static final long STORAGE_PRICE = 100_000;
    static final long WRITE_PRICE = 20_000;
    static final long WAL_BALANCE = 5_000_000_000L;
    static final long WAL_2_BALANCE = 1_000_000_000L;
    static final long GAS_BALANCE = 10_000_000_000L;
    static final long ADDRESS_WAL = 3_000_000_000L;
    static final BlobId BLOB_ID =
            BlobId.fromU256Decimal("46269954626831698189342469164469112511517843773769981308926739591706762839432");
    static final SuiAddress STORAGE_ID = SuiAddress.parse("0x" + "24".repeat(32));

    static final String EXTEND = "extend_blob";
    static final String SPLIT = "split_and_transfer_wal";
    static final String METADATA = "insert_or_update_metadata_pair";
    static final String MERGE_EXTEND = "merge_wal_then_extend_blob";
    static final String GAS_TRANSFER = "transfer_sui_from_gas_coin";
    static final String REDEEM_EXTEND = "redeem_wal_from_address_balance_then_extend";

    private Oracle() {}

    /** The Walrus mainnet IDs, epoch 1, and every object the vectors reference at its exact version and digest. */
    static ChainConfig.Builder genesis() {
        ChainTypes types = new ChainTypes(ChainConfig.MAINNET_WALRUS_ORIGINAL_PACKAGE, WAL);
        Owner sender = new Owner.AddressOwner(SENDER);
        BlobData blob = new BlobData(
                BLOB.objectId(),
                EPOCH,
                BLOB_ID,
                17,
                1,
                OptionalLong.of(EPOCH),
                new StorageData(STORAGE_ID, EPOCH, BLOB_END_EPOCH, STORAGE_SIZE),
                false);
        return ChainConfig.builder()
                .walrusPackages(ChainConfig.MAINNET_WALRUS_PACKAGE, ChainConfig.MAINNET_WALRUS_ORIGINAL_PACKAGE)
                .walCoinType(WAL)
                .systemObject(SYSTEM, SYSTEM_ISV)
                .initialEpoch(EPOCH)
                .prices(STORAGE_PRICE, WRITE_PRICE)
                .nShards(1000)
                .genesisObject(new GenesisObject(BLOB.version(), BLOB.digest(), sender, types.blob(), blob))
                .genesisObject(coin(WAL_COIN, WAL, WAL_BALANCE))
                .genesisObject(coin(WAL_COIN_2, WAL, WAL_2_BALANCE))
                .genesisObject(coin(GAS_COIN, ChainTypes.SUI, GAS_BALANCE))
                .genesisBalance(new AddressBalance(SENDER, WAL, ADDRESS_WAL));
    }

    private static GenesisObject coin(ObjectRef ref, TypeTag type, long balance) {
        return new GenesisObject(
                ref.version(),
                ref.digest(),
                new Owner.AddressOwner(SENDER),
                ChainTypes.coin(type),
                new CoinData(ref.objectId(), balance));
    }

    static List<String> names() {
        List<String> names = new ArrayList<>();
        ROOT.get("vectors").forEach(v -> names.add(v.get("name").asText()));
        return names;
    }

    static JsonNode vector(String name) {
        for (JsonNode v : ROOT.get("vectors")) {
            if (v.get("name").asText().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no vector " + name);
    }

    /** The vector's {@code graphqlExecuteVariables}. */
    static JsonNode variables(String name) {
        return vector(name).get("graphqlExecuteVariables");
    }

    static byte[] txBytes(String name) {
        return Base64.getDecoder()
                .decode(variables(name).get("transactionDataBcs").asText());
    }

    static List<String> signatures(String name) {
        List<String> out = new ArrayList<>();
        variables(name).get("signatures").forEach(s -> out.add(s.asText()));
        return out;
    }

    static Digest digest(String name) {
        return Digest.parse(vector(name).get("txDigestBase58").asText());
    }

    private static ObjectRef ref(JsonNode node) {
        return ObjectRef.of(
                node.get("objectId").asText(),
                Long.parseLong(node.get("version").asText()),
                node.get("digest").asText());
    }

    private static JsonNode load() {
        try (InputStream in = Oracle.class.getResourceAsStream("sui-tx-vectors.json")) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
