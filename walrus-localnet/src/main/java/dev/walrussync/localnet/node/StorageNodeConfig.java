package dev.walrussync.localnet.node;

import dev.walrussync.walrus.encoding.EncodingConfig;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How to run one storage node.
 *
 * @param name a name for logs
 * @param shards the shard indexes the committee assigns to this node
 * @param nShards the number of shards of the system
 * @param dataDir the node's own folder; created if missing and reused across restarts
 * @param port the TCP port on 127.0.0.1, or 0 for an ephemeral one
 * @param chain the node's view of the chain
 */
public record StorageNodeConfig(
        String name, SortedSet<Integer> shards, int nShards, Path dataDir, int port, ChainView chain) {
    public StorageNodeConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(chain, "chain");
        EncodingConfig.forShards(nShards);
        TreeSet<Integer> copy = new TreeSet<>(shards);
        for (int shard : copy) {
            if (shard < 0 || shard >= nShards) {
                throw new IllegalArgumentException("shard " + shard + " out of range for " + nShards + " shards");
            }
        }
        shards = Collections.unmodifiableSortedSet(copy);
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }

    /** A configuration from any collection of shard indexes. */
    public static StorageNodeConfig of(
            String name, Collection<Integer> shards, int nShards, Path dataDir, int port, ChainView chain) {
        return new StorageNodeConfig(name, new TreeSet<>(shards), nShards, dataDir, port, chain);
    }

    /** This configuration on another port (for example to restart a node where it was). */
    public StorageNodeConfig withPort(int newPort) {
        return new StorageNodeConfig(name, shards, nShards, dataDir, newPort, chain);
    }
}
