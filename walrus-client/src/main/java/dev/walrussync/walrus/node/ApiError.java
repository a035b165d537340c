package dev.walrussync.walrus.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An AIP-193 error body as Walrus services return it: {@code {"error": {"code": <http>, "status": "<STATUS>",
 * "message": "...", "details": [{"@type": "ErrorInfo", "reason": "<REASON>", "domain": "<domain>", "metadata":
 * {...}}]}}}.
 *
 * @param status the general class of the error, which fixes the HTTP status
 * @param message a human-readable message
 * @param reason the UPPER_SNAKE_CASE reason, unique within the domain
 * @param domain e.g. {@link #STORAGE_NODE_DOMAIN}
 * @param metadata JSON-serialisable values of the message's dynamic parts
 */
public record ApiError(
        ApiStatusCode status, String message, String reason, String domain, Map<String, Object> metadata) {
    /** The error domain of storage nodes. */
    public static final String STORAGE_NODE_DOMAIN = "storage.walrus.space";
    /** The error domain of the publisher, aggregator and daemon. */
    public static final String DAEMON_DOMAIN = "daemon.walrus.space";
    /** The error domain of service-agnostic errors. */
    public static final String GLOBAL_DOMAIN = "global";

    public ApiError {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(domain, "domain");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** An error of the storage-node domain without metadata. */
    public static ApiError storageNode(ApiStatusCode status, String reason, String message) {
        return new ApiError(status, message, reason, STORAGE_NODE_DOMAIN, Map.of());
    }

    /** The HTTP status of the response. */
    public int httpCode() {
        return status.httpCode();
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", status.httpCode());
        error.put("status", status.wireName());
        error.put("message", message);
        ObjectNode info = error.putArray("details").addObject();
        info.put("@type", "ErrorInfo");
        info.put("reason", reason);
        info.put("domain", domain);
        info.set("metadata", Json.MAPPER.valueToTree(metadata));
        return root;
    }

    /** The UTF-8 JSON bytes. */
    public byte[] toBytes() {
        return Json.write(toJson());
    }

    /**
     * Parses the JSON form, taking reason, domain and metadata from the first {@code ErrorInfo} detail.
     *
     * @throws IllegalArgumentException if it is not an AIP-193 error body with an {@code ErrorInfo}
     */
    public static ApiError fromJson(JsonNode json) {
        JsonNode error = Json.objectField(json, "error");
        ApiStatusCode status = ApiStatusCode.of(Json.text(error, "status"), (int) Json.unsigned(error, "code"));
        JsonNode details = Json.field(error, "details");
        if (details.isArray()) {
            for (JsonNode detail : details) {
                if (detail.isObject() && "ErrorInfo".equals(detail.path("@type").asText(null))) {
                    JsonNode metadata = detail.get("metadata");
                    Map<String, Object> map = new LinkedHashMap<>();
                    if (metadata != null && metadata.isObject()) {
                        for (Map.Entry<String, JsonNode> e : metadata.properties()) {
                            map.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class));
                        }
                    }
                    return new ApiError(
                            status,
                            Json.text(error, "message"),
                            Json.text(detail, "reason"),
                            Json.text(detail, "domain"),
                            map);
                }
            }
        }
        throw new IllegalArgumentException("error body without ErrorInfo details: " + json);
    }

    /**
     * Parses UTF-8 JSON bytes.
     *
     * @throws IllegalArgumentException if they are not an AIP-193 error body
     */
    public static ApiError parse(byte[] body) {
        return fromJson(Json.read(body));
    }
}
