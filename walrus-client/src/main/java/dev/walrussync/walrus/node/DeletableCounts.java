package dev.walrussync.walrus.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Counts of deletable {@code Blob} objects for a blob ID; its JSON fields stay snake_case ({@code
 * count_deletable_total}, {@code count_deletable_certified}) because the Rust struct has no rename attribute.
 */
public record DeletableCounts(long countDeletableTotal, long countDeletableCertified) {
    /** No deletable objects. */
    public static final DeletableCounts NONE = new DeletableCounts(0, 0);

    public DeletableCounts {
        if (countDeletableTotal < 0 || countDeletableCertified < 0) {
            throw new IllegalArgumentException("counts are unsigned");
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("count_deletable_total", countDeletableTotal);
        node.put("count_deletable_certified", countDeletableCertified);
        return node;
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException if a field is missing or not an unsigned integer
     */
    public static DeletableCounts fromJson(JsonNode json) {
        return new DeletableCounts(
                Json.unsigned(json, "count_deletable_total"), Json.unsigned(json, "count_deletable_certified"));
    }
}
