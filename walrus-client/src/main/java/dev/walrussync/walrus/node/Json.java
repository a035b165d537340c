package dev.walrussync.walrus.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.OptionalLong;

/** The shared Jackson mapper and the strict field accessors the JSON codecs of this package use. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    static JsonNode read(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty JSON document");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
        }
    }

    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object holding \"" + name + "\", got " + node);
        }
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing JSON field \"" + name + "\" in " + node);
        }
        return value;
    }

    static ObjectNode objectField(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isObject()) {
            throw new IllegalArgumentException("JSON field \"" + name + "\" is not an object: " + value);
        }
        return (ObjectNode) value;
    }

    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("JSON field \"" + name + "\" is not a string: " + value);
        }
        return value.textValue();
    }

    static long unsigned(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new IllegalArgumentException("JSON field \"" + name + "\" is not an unsigned integer: " + value);
        }
        return value.longValue();
    }

    /** An unsigned integer that may also be written as a decimal string (serde {@code BigInt<u64>}). */
    static long unsignedOrString(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value.isTextual()) {
            try {
                return Long.parseUnsignedLong(value.textValue());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("JSON field \"" + name + "\" is not a u64: " + value, e);
            }
        }
        return unsigned(node, name);
    }

    static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("JSON field \"" + name + "\" is not a boolean: " + value);
        }
        return value.booleanValue();
    }

    /** An {@code Option<u64>}: absent or null is empty. */
    static OptionalLong optionalUnsigned(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(unsigned(node, name));
    }

    /** Writes an {@code Option<u64>} as serde does without {@code skip_serializing_if}: the number or null. */
    static void putOptional(ObjectNode node, String name, OptionalLong value) {
        if (value.isPresent()) {
            node.put(name, value.getAsLong());
        } else {
            node.putNull(name);
        }
    }

    /** The single key of an externally tagged serde enum value. */
    static String singleKey(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            throw new IllegalArgumentException("expected an object with exactly one variant key, got " + node);
        }
        return node.properties().iterator().next().getKey();
    }
}
