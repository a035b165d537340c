package dev.walrussync.localnet.chain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One storage node of the local committee, as kept in the system state: its name, node ID, URL, keys and shards.
 * Real Walrus keeps the first five in the staking pool's {@code StorageNodeInfo} and the shard assignment in the
 * {@code Staking} committee; here they sit in the system state so one read finds them.
 *
 * @param name the node's name
 * @param nodeId the node's ID (on real Walrus, its staking pool's ID)
 * @param networkAddress where the node serves its REST API, e.g. {@code http://127.0.0.1:9185}
 * @param publicKey the key that signs storage confirmations
 * @param networkPublicKey the key of the node's TLS identity, or empty
 * @param shardIds the shards the node holds in the current epoch
 * @param weight the node's weight in the committee (its shard count)
 */
public record StorageNodeInfo(
        String name,
        SuiAddress nodeId,
        String networkAddress,
        byte[] publicKey,
        byte[] networkPublicKey,
        List<Integer> shardIds,
        int weight) {
    public StorageNodeInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(networkAddress, "networkAddress");
        publicKey = publicKey.clone();
        networkPublicKey = networkPublicKey.clone();
        shardIds = List.copyOf(shardIds);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] networkPublicKey() {
        return networkPublicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageNodeInfo other
                && name.equals(other.name)
                && nodeId.equals(other.nodeId)
                && networkAddress.equals(other.networkAddress)
                && Arrays.equals(publicKey, other.publicKey)
                && Arrays.equals(networkPublicKey, other.networkPublicKey)
                && shardIds.equals(other.shardIds)
                && weight == other.weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nodeId, networkAddress, Arrays.hashCode(publicKey), shardIds, weight);
    }

    @Override
    public String toString() {
        return "StorageNodeInfo[" + name + " " + networkAddress + " shards=" + shardIds + "]";
    }

    void writeTo(BcsWriter writer) {
        writer.string(name);
        nodeId.writeTo(writer);
        writer.string(networkAddress);
        writer.bytes(publicKey); // Element { bytes: vector<u8> }
        writer.bytes(networkPublicKey);
        writer.vector(shardIds, (w, s) -> w.u16(s));
        writer.u16(weight);
    }

    static StorageNodeInfo readFrom(BcsReader reader) {
        String name = reader.string();
        SuiAddress nodeId = SuiAddress.readFrom(reader);
        String address = reader.string();
        byte[] key = reader.bytes();
        byte[] networkKey = reader.bytes();
        List<Integer> shards = reader.vector(BcsReader::u16);
        return new StorageNodeInfo(name, nodeId, address, key, networkKey, shards, reader.u16());
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("name", name);
        json.put("node_id", nodeId.toString());
        json.put("network_address", networkAddress);
        json.putObject("public_key").put("bytes", Json.bytes(publicKey));
        json.put("network_public_key", Json.bytes(networkPublicKey));
        ArrayNode shards = json.putArray("shard_ids");
        shardIds.forEach(shards::add);
        json.put("weight", weight);
        return json;
    }
}
