package dev.walrussync.walrus.sui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Loads the oracle's {@code sui-tx-vectors.json} and turns its fixed inputs into Java values. */
final class SuiTxVectors {
    static final JsonNode ROOT = load();
    static final JsonNode FIXED = ROOT.get("fixedInputs");
    static final JsonNode KEY = ROOT.get("key");

    static final SuiAddress WALRUS_PACKAGE =
            SuiAddress.parse(FIXED.get("walrusPackage").asText());
    static final SharedObjectRef SYSTEM = shared(FIXED.get("systemObject"));
    static final ObjectRef BLOB = ref(FIXED.get("blob"));
    static final ObjectRef WAL_COIN = ref(FIXED.get("walCoin"));
    static final ObjectRef WAL_COIN_2 = ref(FIXED.get("walCoin2"));
    static final ObjectRef GAS_COIN = ref(FIXED.get("gasCoin"));
    static final TypeTag WAL_TYPE = TypeTag.parse(FIXED.get("walCoinType").asText());
    static final SuiAddress RECIPIENT = SuiAddress.parse(FIXED.get("recipient").asText());
    static final long GAS_PRICE = Long.parseLong(FIXED.get("gasPrice").asText());
    static final long GAS_BUDGET = Long.parseLong(FIXED.get("gasBudget").asText());
    static final byte[] SEED = hex(KEY.get("secretKeyHex").asText());
    static final SuiAddress SENDER = SuiAddress.parse(KEY.get("suiAddress").asText());

    private SuiTxVectors() {}

    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (JsonNode v : ROOT.get("vectors")) {
            names.add(v.get("name").asText());
        }
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

    static byte[] txBytes(String name) {
        return hex(vector(name).get("txBytesHex").asText());
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static ObjectRef ref(JsonNode node) {
        return ObjectRef.of(
                node.get("objectId").asText(),
                Long.parseLong(node.get("version").asText()),
                node.get("digest").asText());
    }

    private static SharedObjectRef shared(JsonNode node) {
        return new SharedObjectRef(
                SuiAddress.parse(node.get("objectId").asText()),
                Long.parseLong(node.get("initialSharedVersion").asText()),
                node.get("mutable").asBoolean());
    }

    private static JsonNode load() {
        try (InputStream in = SuiTxVectors.class.getResourceAsStream("/sui-tx-vectors.json")) {
            if (in == null) {
                throw new IllegalStateException("sui-tx-vectors.json is not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
