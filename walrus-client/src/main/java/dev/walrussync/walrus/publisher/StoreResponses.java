package dev.walrussync.walrus.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.walrus.http.BadResponseException;
import dev.walrussync.walrus.node.EventId;
import java.io.IOException;
import java.util.Map;

/**
 * Parses the body of {@code PUT /v1/blobs}, Walrus's {@code BlobStoreResult} (protocol.md §1.3): an
 * object with exactly one of {@code newlyCreated} or {@code alreadyCertified}. {@code markedInvalid},
 * {@code error} and any other key are refused. Integers may be JSON numbers or decimal strings.
 */
final class StoreResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreResponses() {}

    static StoreResult parse(byte[] body) throws BadResponseException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new BadResponseException("store response is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.size() != 1) {
            throw new BadResponseException("store response must be an object with exactly one key, got " + root);
        }
        Map.Entry<String, JsonNode> variant = root.properties().iterator().next();
        JsonNode value = variant.getValue();
        try {
            return switch (variant.getKey()) {
                case "newlyCreated" -> newlyCreated(value);
                case "alreadyCertified" -> alreadyCertified(value);
                case "markedInvalid" ->
                    throw new BadResponseException("the publisher says blob "
                            + value.path("blobId").asText("?") + " was marked invalid: " + value);
                case "error" ->
                    throw new BadResponseException("the publisher failed to store blob "
                            + value.path("blobId").asText("?") + " in phase "
                            + value.path("failurePhase").asText("?") + ": "
                            + value.path("errorMsg").asText("?"));
                default -> throw new BadResponseException("unknown store result \"" + variant.getKey() + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw new BadResponseException("malformed store response: " + e.getMessage() + " in " + root, e);
        }
    }

    private static StoreResult.NewlyCreated newlyCreated(JsonNode json) {
        JsonNode blob = object(json, "blobObject");
        JsonNode storage = object(blob, "storage");
        JsonNode certified = blob.get("certifiedEpoch");
        BlobObject blobObject = new BlobObject(
                text(blob, "id"),
                text(blob, "blobId"),
                unsigned(blob, "registeredEpoch"),
                unsigned(blob, "size"),
                certified == null || certified.isNull() ? null : unsigned(blob, "certifiedEpoch"),
                text(storage, "id"),
                unsigned(storage, "startEpoch"),
                unsigned(storage, "endEpoch"),
                unsigned(storage, "storageSize"),
                bool(blob, "deletable"));
        JsonNode ops = object(json, "resourceOperation");
        if (ops.size() != 1) {
            throw new IllegalArgumentException("resourceOperation must have exactly one key: " + ops);
        }
        Map.Entry<String, JsonNode> op = ops.properties().iterator().next();
        JsonNode o = op.getValue();
        long epochs = switch (op.getKey()) {
            case "registerFromScratch" -> unsigned(o, "epochsAhead");
            case "reuseAndExtend", "reuseAndExtendNonCertified" -> unsigned(o, "epochsExtended");
            case "reuseStorage", "reuseRegistration" -> 0;
            default -> throw new IllegalArgumentException("unknown resourceOperation \"" + op.getKey() + "\"");
        };
        return new StoreResult.NewlyCreated(blobObject, unsigned(o, "encodedLength"), epochs, unsigned(json, "cost"));
    }

    private static StoreResult.AlreadyCertified alreadyCertified(JsonNode json) {
        JsonNode event = json.get("event");
        JsonNode object = json.get("object");
        boolean hasEvent = event != null && !event.isNull();
        boolean hasObject = object != null && !object.isNull();
        if (hasEvent == hasObject) {
            throw new IllegalArgumentException("alreadyCertified needs exactly one of \"event\" and \"object\"");
        }
        return new StoreResult.AlreadyCertified(
                text(json, "blobId"),
                unsigned(json, "endEpoch"),
                hasEvent ? EventId.fromJson(event) : null,
                hasObject ? text(json, "object") : null);
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isObject()) {
            throw new IllegalArgumentException("\"" + name + "\" is not an object");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a non-empty string: " + value);
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a boolean: " + value);
        }
        return value.booleanValue();
    }

    /** A non-negative integer that fits a long, as a JSON number or a decimal string (serde u64 either way). */
    static long unsigned(JsonNode node, String name) {
        JsonNode value = field(node, name);
        long n;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            n = value.longValue();
        } else if (value.isTextual()) {
            try {
                n = Long.parseLong(value.textValue());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + name + "\" is not an integer: " + value, e);
            }
        } else {
            throw new IllegalArgumentException("\"" + name + "\" is not an integer: " + value);
        }
        if (n < 0) {
            throw new IllegalArgumentException("\"" + name + "\" is negative: " + value);
        }
        return n;
    }
}
