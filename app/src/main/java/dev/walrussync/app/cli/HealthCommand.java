package dev.walrussync.app.cli;

import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.NodeStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code health}: every storage node's status, shards and latency. */
@Command(name = "health", description = "Check every storage node of the committee: status, shards, latency.")
final class HealthCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @Override
    public Integer call() throws Exception {
        List<NodeStatus> nodes;
        try (RepositorySession session = root.open(false)) {
            nodes = session.nodeHealth();
        }
        if (root.json()) {
            root.console().json(nodes);
            return ExitCode.OK;
        }
        Console c = root.console();
        int up = 0;
        int shardsUp = 0;
        int shards = 0;
        for (NodeStatus n : nodes) {
            shards += n.shards();
            if (n.reachable()) {
                up++;
                shardsUp += n.shards();
            }
            c.println(String.format(
                    "%-12s %-8s %3d shard(s) %6d ms  %s%s",
                    n.name(),
                    n.reachable() ? "up" : "DOWN",
                    n.shards(),
                    n.latencyMillis(),
                    n.url(),
                    n.reachable() ? "  " + n.status() : "  (" + n.error() + ")"));
        }
        c.println(up + " of " + nodes.size() + " node(s) up, holding " + shardsUp + " of " + shards + " shards");
        return ExitCode.OK;
    }
}
