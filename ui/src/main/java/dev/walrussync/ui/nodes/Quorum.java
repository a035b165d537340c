package dev.walrussync.ui.nodes;

import dev.walrussync.engine.model.NodeStatus;
import java.util.List;

/**
 * Whether enough shards answer: with {@code n} shards, Walrus tolerates {@code f = (n - 1) / 3} faulty ones; writing
 * needs more than {@code 2f} shards on reachable nodes, reading more than {@code f}.
 *
 * @param shards n, the committee's shards
 * @param reachableShards the shards on nodes that answered
 */
public record Quorum(int shards, int reachableShards) {
    /** The quorum of a committee: n is the sum of its nodes' shards. */
    public static Quorum of(List<NodeStatus> nodes) {
        int n = 0;
        int up = 0;
        for (NodeStatus s : nodes) {
            n += s.shards();
            if (s.reachable()) {
                up += s.shards();
            }
        }
        return new Quorum(n, up);
    }

    /** f: how many shards may fail. */
    public int faulty() {
        return Math.max(0, (shards - 1) / 3);
    }

    /** More than 2f shards answer: blobs can be stored. */
    public boolean canWrite() {
        return shards > 0 && reachableShards > 2 * faulty();
    }

    /** More than f shards answer: blobs can be read. */
    public boolean canRead() {
        return shards > 0 && reachableShards > faulty();
    }
}
