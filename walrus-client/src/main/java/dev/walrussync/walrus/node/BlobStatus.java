package dev.walrussync.walrus.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A node's view of a blob's lifecycle (the data of {@code GET /v1/blobs/{id}/status}), JSON as the Rust enum with
 * {@code rename_all = "camelCase", rename_all_fields = "camelCase"}: {@code "nonexistent"}, {@code {"invalid":
 * {"event": ...}}}, {@code {"permanent": {"endEpoch", "isCertified", "statusEvent", "deletableCounts",
 * "initialCertifiedEpoch"}}} or {@code {"deletable": {"initialCertifiedEpoch", "deletableCounts"}}}; an absent
 * {@code initialCertifiedEpoch} is written as {@code null}.
 */
public sealed interface BlobStatus
        permits BlobStatus.Nonexistent, BlobStatus.Invalid, BlobStatus.Permanent, BlobStatus.Deletable {

    /** The JSON form. */
    JsonNode toJson();

    /** The status of a blob that does not exist (any more). */
    static BlobStatus nonexistent() {
        return Nonexistent.INSTANCE;
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException if it is not a blob status
     */
    static BlobStatus fromJson(JsonNode json) {
        Objects.requireNonNull(json, "json");
        if (json.isTextual()) {
            if (json.textValue().equals("nonexistent")) {
                return Nonexistent.INSTANCE;
            }
            throw new IllegalArgumentException("unknown blob status " + json);
        }
        String variant = Json.singleKey(json);
        JsonNode body = Json.objectField(json, variant);
        return switch (variant) {
            case "invalid" -> new Invalid(EventId.fromJson(Json.field(body, "event")));
            case "permanent" ->
                new Permanent(
                        Json.unsigned(body, "endEpoch"),
                        Json.bool(body, "isCertified"),
                        EventId.fromJson(Json.field(body, "statusEvent")),
                        DeletableCounts.fromJson(Json.field(body, "deletableCounts")),
                        Json.optionalUnsigned(body, "initialCertifiedEpoch"));
            case "deletable" ->
                new Deletable(
                        Json.optionalUnsigned(body, "initialCertifiedEpoch"),
                        DeletableCounts.fromJson(Json.field(body, "deletableCounts")));
            default -> throw new IllegalArgumentException("unknown blob status " + variant);
        };
    }

    /** The blob does not exist (any more) within Walrus. */
    final class Nonexistent implements BlobStatus {
        private static final Nonexistent INSTANCE = new Nonexistent();

        private Nonexistent() {}

        @Override
        public JsonNode toJson() {
            return TextNode.valueOf("nonexistent");
        }

        @Override
        public String toString() {
            return "Nonexistent";
        }
    }

    /** The blob ID was marked invalid by the given event. */
    record Invalid(EventId event) implements BlobStatus {
        public Invalid {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public JsonNode toJson() {
            ObjectNode root = Json.object();
            root.putObject("invalid").set("event", event.toJson());
            return root;
        }
    }

    /**
     * A permanent {@code Blob} object exists for the blob.
     *
     * @param endEpoch the epoch at which the blob expires (exclusive)
     * @param isCertified whether the blob is certified rather than only registered
     * @param statusEvent the event that caused this status
     * @param deletableCounts the deletable objects for the same blob ID
     * @param initialCertifiedEpoch the epoch of the first certification, if certified
     */
    record Permanent(
            long endEpoch,
            boolean isCertified,
            EventId statusEvent,
            DeletableCounts deletableCounts,
            OptionalLong initialCertifiedEpoch)
            implements BlobStatus {
        public Permanent {
            Objects.requireNonNull(statusEvent, "statusEvent");
            Objects.requireNonNull(deletableCounts, "deletableCounts");
            Objects.requireNonNull(initialCertifiedEpoch, "initialCertifiedEpoch");
        }

        @Override
        public JsonNode toJson() {
            ObjectNode root = Json.object();
            ObjectNode body = root.putObject("permanent");
            body.put("endEpoch", endEpoch);
            body.put("isCertified", isCertified);
            body.set("statusEvent", statusEvent.toJson());
            body.set("deletableCounts", deletableCounts.toJson());
            Json.putOptional(body, "initialCertifiedEpoch", initialCertifiedEpoch);
            return root;
        }
    }

    /**
     * Only deletable {@code Blob} objects exist for the blob.
     *
     * @param initialCertifiedEpoch the epoch of the first certification, if any object is certified
     * @param deletableCounts the deletable objects
     */
    record Deletable(OptionalLong initialCertifiedEpoch, DeletableCounts deletableCounts) implements BlobStatus {
        public Deletable {
            Objects.requireNonNull(initialCertifiedEpoch, "initialCertifiedEpoch");
            Objects.requireNonNull(deletableCounts, "deletableCounts");
        }

        @Override
        public JsonNode toJson() {
            ObjectNode root = Json.object();
            ObjectNode body = root.putObject("deletable");
            Json.putOptional(body, "initialCertifiedEpoch", initialCertifiedEpoch);
            body.set("deletableCounts", deletableCounts.toJson());
            return root;
        }
    }
}
