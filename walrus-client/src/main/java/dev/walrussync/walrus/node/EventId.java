package dev.walrussync.walrus.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A Sui event ID, JSON {@code {"txDigest": "<base58 digest>", "eventSeq": "<u64 as decimal string>"}}.
 *
 * @param txDigest the transaction digest in its Base58 text form
 * @param eventSeq the index of the event in the transaction (unsigned)
 */
public record EventId(String txDigest, long eventSeq) {
    public EventId {
        Objects.requireNonNull(txDigest, "txDigest");
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("txDigest", txDigest);
        node.put("eventSeq", Long.toUnsignedString(eventSeq));
        return node;
    }

    /**
     * Parses the JSON form; {@code eventSeq} may be a string or a number.
     *
     * @throws IllegalArgumentException if it is not an event ID
     */
    public static EventId fromJson(JsonNode json) {
        return new EventId(Json.text(json, "txDigest"), Json.unsignedOrString(json, "eventSeq"));
    }
}
