package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/** Shared Jackson objects and the Move-to-JSON conventions of Sui GraphQL (u64 and wider as strings). */
public final class Json {
    /** The mapper used for logs, HTTP bodies and GraphQL JSON values. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    private Json() {}

    public static ObjectNode object() {
        return FACTORY.objectNode();
    }

    public static ArrayNode array() {
        return FACTORY.arrayNode();
    }

    /** A u64 as Sui renders it in JSON: a decimal string. */
    public static String u64(long value) {
        return Long.toUnsignedString(value);
    }

    /** A {@code vector<u8>} as Sui renders it in JSON: standard Base64. */
    public static String bytes(byte[] value) {
        return Base64.getEncoder().encodeToString(value);
    }
}
