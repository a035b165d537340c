package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.List;
import java.util.Objects;

/**
 * The Walrus system state, the value of the {@code System} object's dynamic field: the committee (with the current
 * Walrus epoch and shard count), capacity, the two prices, and the future-accounting ring buffer whose {@code length}
 * is the maximum number of epochs ahead. Field names and the leading fields follow Walrus's {@code
 * SystemStateInnerV1}; the trailing {@code epoch_duration_ms}, {@code epoch_start_timestamp_ms} and {@code nodes}
 * are local extensions (real Walrus keeps them in the {@code Staking} object).
 *
 * <p>BCS: {@code committee {members: vector<{public_key: {bytes}, weight: u16, node_id}>, n_shards: u16, epoch: u32,
 * total_aggregated_key: {bytes}}, total_capacity_size: u64, used_capacity_size: u64, storage_price_per_unit_size:
 * u64, write_price_per_unit_size: u64, future_accounting {current_index: u32, length: u32, ring_buffer: vector (always
 * empty here)}, epoch_duration_ms: u64, epoch_start_timestamp_ms: u64, nodes: vector<StorageNodeInfo>}}.
 *
 * @param epoch the current Walrus epoch
 * @param nShards the number of shards
 * @param totalCapacitySize the capacity in bytes
 * @param usedCapacitySize the bytes reserved in the current epoch
 * @param storagePricePerUnitSize FROST per MiB unit per epoch
 * @param writePricePerUnitSize FROST per MiB unit, paid once
 * @param maxEpochsAhead how far ahead storage may be bought
 * @param epochDurationMs the epoch duration
 * @param epochStartTimestampMs when the current epoch started (Unix milliseconds)
 * @param nodes the committee
 */
public record SystemStateInner(
        long epoch,
        int nShards,
        long totalCapacitySize,
        long usedCapacitySize,
        long storagePricePerUnitSize,
        long writePricePerUnitSize,
        long maxEpochsAhead,
        long epochDurationMs,
        long epochStartTimestampMs,
        List<StorageNodeInfo> nodes) {
    public SystemStateInner {
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
    }

    /** This state in the next epoch, started at {@code startMs}. */
    public SystemStateInner nextEpoch(long startMs) {
        return new SystemStateInner(
                epoch + 1,
                nShards,
                totalCapacitySize,
                usedCapacitySize,
                storagePricePerUnitSize,
                writePricePerUnitSize,
                maxEpochsAhead,
                epochDurationMs,
                startMs,
                nodes);
    }

    /** This state with other prices. */
    public SystemStateInner withPrices(long storagePrice, long writePrice) {
        return new SystemStateInner(
                epoch,
                nShards,
                totalCapacitySize,
                usedCapacitySize,
                storagePrice,
                writePrice,
                maxEpochsAhead,
                epochDurationMs,
                epochStartTimestampMs,
                nodes);
    }

    /** This state with another committee. */
    public SystemStateInner withNodes(List<StorageNodeInfo> newNodes) {
        return new SystemStateInner(
                epoch,
                nShards,
                totalCapacitySize,
                usedCapacitySize,
                storagePricePerUnitSize,
                writePricePerUnitSize,
                maxEpochsAhead,
                epochDurationMs,
                epochStartTimestampMs,
                newNodes);
    }

    void writeTo(BcsWriter writer) {
        writer.vector(nodes, (w, n) -> {
            w.bytes(n.publicKey());
            w.u16(n.weight());
            n.nodeId().writeTo(w);
        });
        writer.u16(nShards);
        writer.u32(epoch);
        writer.bytes(new byte[0]); // total_aggregated_key: not aggregated locally
        writer.u64(totalCapacitySize).u64(usedCapacitySize);
        writer.u64(storagePricePerUnitSize).u64(writePricePerUnitSize);
        writer.u32(0).u32(maxEpochsAhead).uleb128(0);
        writer.u64(epochDurationMs).u64(epochStartTimestampMs);
        writer.vector(nodes, (w, n) -> n.writeTo(w));
    }

    static SystemStateInner readFrom(BcsReader reader) {
        reader.vector(r -> {
            r.bytes();
            r.u16();
            return r.fixedBytes(32);
        });
        int nShards = reader.u16();
        long epoch = reader.u32();
        reader.bytes();
        long total = reader.u64();
        long used = reader.u64();
        long storagePrice = reader.u64();
        long writePrice = reader.u64();
        reader.u32();
        long maxAhead = reader.u32();
        reader.length();
        long duration = reader.u64();
        long start = reader.u64();
        List<StorageNodeInfo> nodes = reader.vector(StorageNodeInfo::readFrom);
        return new SystemStateInner(
                epoch, nShards, total, used, storagePrice, writePrice, maxAhead, duration, start, nodes);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        ObjectNode committee = json.putObject("committee");
        ArrayNode members = committee.putArray("members");
        for (StorageNodeInfo node : nodes) {
            ObjectNode member = members.addObject();
            member.putObject("public_key").put("bytes", Json.bytes(node.publicKey()));
            member.put("weight", node.weight());
            member.put("node_id", node.nodeId().toString());
        }
        committee.put("n_shards", nShards);
        committee.put("epoch", epoch);
        committee.putObject("total_aggregated_key").put("bytes", "");
        json.put("total_capacity_size", Json.u64(totalCapacitySize));
        json.put("used_capacity_size", Json.u64(usedCapacitySize));
        json.put("storage_price_per_unit_size", Json.u64(storagePricePerUnitSize));
        json.put("write_price_per_unit_size", Json.u64(writePricePerUnitSize));
        ObjectNode accounting = json.putObject("future_accounting");
        accounting.put("current_index", 0);
        accounting.put("length", maxEpochsAhead);
        accounting.putArray("ring_buffer");
        json.put("epoch_duration_ms", Json.u64(epochDurationMs));
        json.put("epoch_start_timestamp_ms", Json.u64(epochStartTimestampMs));
        ArrayNode nodeArray = json.putArray("nodes");
        nodes.forEach(n -> nodeArray.add(n.toJson()));
        return json;
    }
}
