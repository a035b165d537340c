package dev.walrussync.walrus.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A storage node's health (the data of {@code GET /v1/health}), JSON with camelCase fields: {@code uptime} as a
 * serde {@code Duration} ({@code {"secs", "nanos"}}), {@code epoch}, {@code publicKey} (base64), {@code nodeStatus},
 * {@code eventProgress}, {@code shardSummary}, and, only when present, {@code shardDetail} and {@code
 * latestCheckpointSequenceNumber}.
 *
 * @param uptime time since the node started
 * @param epoch the node's current epoch
 * @param publicKey the node's protocol public key, base64 (real nodes: BLS12-381 min-pk, 48 bytes)
 * @param nodeStatus e.g. {@code "Active"} or {@code "Standby"}
 * @param eventProgress how far the node has processed chain events
 * @param shardSummary counts of owned shards by status
 * @param shardDetail per-shard status, given with {@code ?detailed=true}
 * @param latestCheckpointSequenceNumber the latest Sui checkpoint the node has seen, if known
 */
public record ServiceHealthInfo(
        Duration uptime,
        long epoch,
        String publicKey,
        String nodeStatus,
        EventProgress eventProgress,
        ShardStatusSummary shardSummary,
        Optional<ShardStatusDetail> shardDetail,
        OptionalLong latestCheckpointSequenceNumber) {

    public ServiceHealthInfo {
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(nodeStatus, "nodeStatus");
        Objects.requireNonNull(eventProgress, "eventProgress");
        Objects.requireNonNull(shardSummary, "shardSummary");
        Objects.requireNonNull(shardDetail, "shardDetail");
        Objects.requireNonNull(latestCheckpointSequenceNumber, "latestCheckpointSequenceNumber");
        if (uptime.isNegative()) {
            throw new IllegalArgumentException("negative uptime");
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        ObjectNode up = node.putObject("uptime");
        up.put("secs", uptime.getSeconds());
        up.put("nanos", uptime.getNano());
        node.put("epoch", epoch);
        node.put("publicKey", publicKey);
        node.put("nodeStatus", nodeStatus);
        node.set("eventProgress", eventProgress.toJson());
        node.set("shardSummary", shardSummary.toJson());
        shardDetail.ifPresent(d -> node.set("shardDetail", d.toJson()));
        latestCheckpointSequenceNumber.ifPresent(n -> node.put("latestCheckpointSequenceNumber", n));
        return node;
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException if a required field is missing or malformed
     */
    public static ServiceHealthInfo fromJson(JsonNode json) {
        JsonNode up = Json.field(json, "uptime");
        JsonNode detail = json.get("shardDetail");
        return new ServiceHealthInfo(
                Duration.ofSeconds(Json.unsigned(up, "secs"), Json.unsigned(up, "nanos")),
                Json.unsigned(json, "epoch"),
                Json.text(json, "publicKey"),
                Json.text(json, "nodeStatus"),
                EventProgress.fromJson(Json.field(json, "eventProgress")),
                ShardStatusSummary.fromJson(Json.field(json, "shardSummary")),
                detail == null || detail.isNull() ? Optional.empty() : Optional.of(ShardStatusDetail.fromJson(detail)),
                Json.optionalUnsigned(json, "latestCheckpointSequenceNumber"));
    }

    /**
     * How far a node has processed chain events; {@code highestFinishedEventIndex} is written as {@code null} when
     * absent.
     */
    public record EventProgress(long persisted, long pending, OptionalLong highestFinishedEventIndex) {
        public EventProgress {
            Objects.requireNonNull(highestFinishedEventIndex, "highestFinishedEventIndex");
        }

        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("persisted", persisted);
            node.put("pending", pending);
            Json.putOptional(node, "highestFinishedEventIndex", highestFinishedEventIndex);
            return node;
        }

        /** Parses the JSON form. */
        public static EventProgress fromJson(JsonNode json) {
            return new EventProgress(
                    Json.unsigned(json, "persisted"),
                    Json.unsigned(json, "pending"),
                    Json.optionalUnsigned(json, "highestFinishedEventIndex"));
        }
    }

    /** The state of one shard on a node, JSON {@code unknown | ready | inTransfer | inRecovery | readOnly}. */
    public enum ShardStatus {
        /** The state is indeterminate. */
        UNKNOWN("unknown"),
        /** Up to date for the epoch. */
        READY("ready"),
        /** Being transferred to this node. */
        IN_TRANSFER("inTransfer"),
        /** Being recovered. */
        IN_RECOVERY("inRecovery"),
        /** No longer accepting writes. */
        READ_ONLY("readOnly");

        private final String wireName;

        ShardStatus(String wireName) {
            this.wireName = wireName;
        }

        /** The JSON string. */
        public String wireName() {
            return wireName;
        }

        /**
         * The status with the given JSON string.
         *
         * @throws IllegalArgumentException for an unknown string
         */
        public static ShardStatus ofWireName(String name) {
            for (ShardStatus s : values()) {
                if (s.wireName.equals(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown shard status " + name);
        }
    }

    /** Counts of a node's owned shards by state. */
    public record OwnedShardStatus(long unknown, long ready, long inTransfer, long inRecovery) {
        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("unknown", unknown);
            node.put("ready", ready);
            node.put("inTransfer", inTransfer);
            node.put("inRecovery", inRecovery);
            return node;
        }

        /** Parses the JSON form. */
        public static OwnedShardStatus fromJson(JsonNode json) {
            return new OwnedShardStatus(
                    Json.unsigned(json, "unknown"),
                    Json.unsigned(json, "ready"),
                    Json.unsigned(json, "inTransfer"),
                    Json.unsigned(json, "inRecovery"));
        }
    }

    /** The number of owned shards, their states, and the number of read-only shards no longer owned. */
    public record ShardStatusSummary(long owned, OwnedShardStatus ownedShardStatus, long readOnly) {
        public ShardStatusSummary {
            Objects.requireNonNull(ownedShardStatus, "ownedShardStatus");
        }

        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("owned", owned);
            node.set("ownedShardStatus", ownedShardStatus.toJson());
            node.put("readOnly", readOnly);
            return node;
        }

        /** Parses the JSON form. */
        public static ShardStatusSummary fromJson(JsonNode json) {
            return new ShardStatusSummary(
                    Json.unsigned(json, "owned"),
                    OwnedShardStatus.fromJson(Json.field(json, "ownedShardStatus")),
                    Json.unsigned(json, "readOnly"));
        }
    }

    /** One shard and its state. */
    public record ShardHealthInfo(int shard, ShardStatus status) {
        public ShardHealthInfo {
            Objects.requireNonNull(status, "status");
        }

        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("shard", shard);
            node.put("status", status.wireName());
            return node;
        }

        /** Parses the JSON form. */
        public static ShardHealthInfo fromJson(JsonNode json) {
            return new ShardHealthInfo(
                    (int) Json.unsigned(json, "shard"), ShardStatus.ofWireName(Json.text(json, "status")));
        }
    }

    /** The states of the owned shards and of other shards the node still stores. */
    public record ShardStatusDetail(List<ShardHealthInfo> owned, List<ShardHealthInfo> other) {
        public ShardStatusDetail {
            owned = List.copyOf(owned);
            other = List.copyOf(other);
        }

        public ObjectNode toJson() {
            ObjectNode node = Json.object();
            ArrayNode ownedArray = node.putArray("owned");
            owned.forEach(s -> ownedArray.add(s.toJson()));
            ArrayNode otherArray = node.putArray("other");
            other.forEach(s -> otherArray.add(s.toJson()));
            return node;
        }

        /** Parses the JSON form. */
        public static ShardStatusDetail fromJson(JsonNode json) {
            return new ShardStatusDetail(list(Json.field(json, "owned")), list(Json.field(json, "other")));
        }

        private static List<ShardHealthInfo> list(JsonNode array) {
            if (!array.isArray()) {
                throw new IllegalArgumentException("expected an array of shard statuses, got " + array);
            }
            List<ShardHealthInfo> out = new ArrayList<>(array.size());
            array.forEach(e -> out.add(ShardHealthInfo.fromJson(e)));
            return out;
        }
    }
}
