package dev.walrussync.walrus.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;

/**
 * The success envelope of the storage-node JSON routes, {@code {"success": {"code": <http status>, "data": <T>}}};
 * the HTTP status equals {@code code}. The data node is shared, not copied.
 */
public record ApiSuccess(int code, JsonNode data) {
    public ApiSuccess {
        Objects.requireNonNull(data, "data");
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + code);
        }
    }

    /** A success carrying a plain message string, as the PUT routes return. */
    public static ApiSuccess message(int code, String message) {
        return new ApiSuccess(code, TextNode.valueOf(message));
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        ObjectNode success = root.putObject("success");
        success.put("code", code);
        success.set("data", data);
        return root;
    }

    /** The UTF-8 JSON bytes. */
    public byte[] toBytes() {
        return Json.write(toJson());
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException if it is not a success envelope
     */
    public static ApiSuccess fromJson(JsonNode json) {
        JsonNode success = Json.objectField(json, "success");
        JsonNode data = success.get("data");
        if (data == null) {
            throw new IllegalArgumentException("success envelope without data: " + json);
        }
        return new ApiSuccess((int) Json.unsigned(success, "code"), data);
    }

    /**
     * Parses UTF-8 JSON bytes.
     *
     * @throws IllegalArgumentException if they are not a success envelope
     */
    public static ApiSuccess parse(byte[] body) {
        return fromJson(Json.read(body));
    }
}
