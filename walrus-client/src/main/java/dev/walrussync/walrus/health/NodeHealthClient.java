package dev.walrussync.walrus.health;

import dev.walrussync.walrus.chain.CommitteeNode;
import java.util.List;

/** Asks every committee node for {@code /v1/health} at once, each with a timeout, and records the latency. */
public final class NodeHealthClient {
    public NodeHealthClient(java.time.Duration timeout) {
        throw new UnsupportedOperationException("issue 4");
    }

    public List<NodeHealth> check(List<CommitteeNode> nodes) {
        throw new UnsupportedOperationException("issue 4");
    }
}
