package dev.walrussync.walrus.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;

/**
 * Whether a node stores a blob's metadata or a sliver: JSON {@code "nonexistent" | "buffered" | "stored"} (serde
 * camelCase; parsing also accepts the capitalised names the TypeScript SDK declares).
 */
public enum StoredOnNodeStatus {
    /** Not stored on the node. */
    NONEXISTENT("nonexistent"),
    /** Held in the node's pending-upload buffer until the registration is seen. */
    BUFFERED("buffered"),
    /** Stored on the node. */
    STORED("stored");

    private final String wireName;

    StoredOnNodeStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The JSON string. */
    public String wireName() {
        return wireName;
    }

    public JsonNode toJson() {
        return TextNode.valueOf(wireName);
    }

    /**
     * Parses the JSON string.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static StoredOnNodeStatus fromJson(JsonNode json) {
        if (json != null && json.isTextual()) {
            String text = json.textValue().toLowerCase(Locale.ROOT);
            for (StoredOnNodeStatus s : values()) {
                if (s.wireName.equals(text)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("not a stored-on-node status: " + json);
    }
}
