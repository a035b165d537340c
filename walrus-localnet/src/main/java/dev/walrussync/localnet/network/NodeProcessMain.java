package dev.walrussync.localnet.network;

import dev.walrussync.localnet.node.StorageNode;
import dev.walrussync.localnet.node.StorageNodeConfig;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one storage node as its own OS process, so that tests and users can kill it for real. The
 * parent passes {@code --name --shards 0,4,8 --n-shards 10 --dir DIR --port P --network URL}; once
 * the node listens, this prints {@code LISTENING <port>} on standard output. The node follows the
 * epoch through the network's internal API, deletes expired blobs on each epoch change, and exits
 * when its parent does.
 */
public final class NodeProcessMain {
    static final String READY = "LISTENING ";

    private NodeProcessMain() {}

    public static void main(String[] args) throws Exception {
        String name = null;
        List<Integer> shards = new ArrayList<>();
        int nShards = 0;
        Path dir = null;
        int port = 0;
        URI network = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--name" -> name = v;
                case "--shards" -> {
                    for (String s : v.split(",")) {
                        shards.add(Integer.parseInt(s.trim()));
                    }
                }
                case "--n-shards" -> nShards = Integer.parseInt(v);
                case "--dir" -> dir = Path.of(v);
                case "--port" -> port = Integer.parseInt(v);
                case "--network" -> network = URI.create(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (name == null || dir == null || network == null || nShards == 0) {
            throw new IllegalArgumentException(
                    "usage: --name N --shards 0,1 --n-shards 10 --dir D --port P --network URL");
        }
        RemoteChainView chain = new RemoteChainView(network);
        try (StorageNode node = StorageNode.start(StorageNodeConfig.of(name, shards, nShards, dir, port, chain))) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println(READY + node.port());
            long epoch = -1;
            while (ProcessHandle.current().parent().map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    long now = chain.currentEpoch();
                    if (now != epoch) {
                        epoch = now;
                        node.sweepExpired();
                    }
                } catch (RuntimeException e) {
                    // The network is restarting or busy; try again on the next tick.
                }
                Thread.sleep(500);
            }
        }
    }
}
