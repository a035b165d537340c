package dev.walrussync.localnet.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.walrussync.localnet.chain.ChainConfig;
import dev.walrussync.localnet.chain.LocalChain;
import dev.walrussync.localnet.chain.StorageNodeInfo;
import dev.walrussync.localnet.chain.graphql.ChainServer;
import dev.walrussync.localnet.node.NodeKey;
import dev.walrussync.localnet.node.StorageNode;
import dev.walrussync.localnet.node.StorageNodeConfig;
import dev.walrussync.localnet.publisher.NodeEndpoint;
import dev.walrussync.localnet.publisher.WalrusDaemon;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import dev.walrussync.walrus.sui.SuiAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole Walrus network on loopback: a Sui-compatible chain with GraphQL and a faucet, storage nodes
 * (in this process, or each as its own OS process), and a publisher/aggregator daemon. Its state
 * lives in one folder and survives a restart. {@code endpoints.json} in that folder says where
 * everything listens.
 */
public final class LocalWalrusNetwork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWalrusNetwork.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** WAL the publisher keeps to pay for registrations: topped up from the faucet below this. */
    private static final long PUBLISHER_WAL_FLOOR = 100_000_000_000L;

    /**
     * How to run the network.
     *
     * @param dir where its state lives
     * @param port the publisher/aggregator port (0 for an ephemeral one; Walrus's default is 31415)
     * @param nodeProcesses whether each storage node runs as its own OS process
     * @param maxBodySize the largest blob the publisher accepts
     * @param maxConcurrentStores stores (blobs and quilts) the publisher serves at once; more get a 429
     */
    public record Options(
            Path dir,
            int nodes,
            int shards,
            Duration epochDuration,
            int port,
            boolean nodeProcesses,
            long maxBodySize,
            int maxConcurrentStores) {
        public Options {
            if (nodes < 1 || shards < nodes) {
                throw new IllegalArgumentException(
                        "a network needs at least one node and at least as many shards as nodes; got " + nodes
                                + " nodes and " + shards + " shards");
            }
            if (shards < 4) {
                throw new IllegalArgumentException("Walrus needs at least 4 shards, got " + shards);
            }
        }

        public static Options defaults(Path dir) {
            return new Options(
                    dir,
                    4,
                    10,
                    Duration.ofMinutes(10),
                    0,
                    false,
                    WalrusDaemon.Config.DEFAULT_MAX_BODY_SIZE,
                    WalrusDaemon.Config.DEFAULT_MAX_CONCURRENT_STORES);
        }

        public Options withPort(int p) {
            return new Options(dir, nodes, shards, epochDuration, p, nodeProcesses, maxBodySize, maxConcurrentStores);
        }

        public Options withNodeProcesses(boolean b) {
            return new Options(dir, nodes, shards, epochDuration, port, b, maxBodySize, maxConcurrentStores);
        }

        public Options withShape(int n, int s) {
            return new Options(dir, n, s, epochDuration, port, nodeProcesses, maxBodySize, maxConcurrentStores);
        }

        public Options withEpochDuration(Duration d) {
            return new Options(dir, nodes, shards, d, port, nodeProcesses, maxBodySize, maxConcurrentStores);
        }

        public Options withMaxBodySize(long bytes) {
            return new Options(dir, nodes, shards, epochDuration, port, nodeProcesses, bytes, maxConcurrentStores);
        }

        public Options withMaxConcurrentStores(int stores) {
            return new Options(dir, nodes, shards, epochDuration, port, nodeProcesses, maxBodySize, stores);
        }
    }

    /** One storage node: in this process, or a child process. */
    private final class Node {
        final String name;
        final SortedSet<Integer> shards;
        final Path dir;
        final byte[] publicKey;
        int port;

        @Nullable
        StorageNode inProcess;

        @Nullable
        Process process;

        Node(String name, SortedSet<Integer> shards, Path dir) throws IOException {
            this.name = name;
            this.shards = shards;
            this.dir = dir;
            Files.createDirectories(dir);
            this.publicKey = NodeKey.loadOrCreate(dir.resolve("node.key")).publicKey();
        }

        void start() throws IOException {
            if (options.nodeProcesses()) {
                process = spawn(this);
            } else {
                inProcess = StorageNode.start(
                        StorageNodeConfig.of(name, shards, options.shards(), dir, port, new ChainRegistrations(chain)));
                port = inProcess.port();
            }
        }

        void stop() {
            if (inProcess != null) {
                inProcess.close();
                inProcess = null;
            }
            if (process != null) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process = null;
            }
        }

        boolean running() {
            return inProcess != null || (process != null && process.isAlive());
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    private final Options options;
    private final LocalChain chain;
    private final ChainServer chainServer;
    private final InternalApi internal;
    private final List<Node> nodes = new ArrayList<>();
    private final WalrusDaemon daemon;
    private final List<NodeEndpoint> committee = new ArrayList<>();
    private final SuiAddress publisher;
    private final ScheduledExecutorService scheduler;

    private LocalWalrusNetwork(Options options, Clock clock) throws IOException {
        this.options = options;
        Path dir = options.dir();
        Files.createDirectories(dir);
        checkShape(dir, options);
        ChainConfig config = ChainConfig.builder()
                .nShards(options.shards())
                .epochDuration(options.epochDuration())
                .build();
        LocalChain opened = LocalChain.open(config, dir.resolve("chain"), clock);
        ChainServer server = null;
        InternalApi api = null;
        try {
            this.chain = opened;
            server = ChainServer.start(opened, 0);
            this.chainServer = server;
            api = InternalApi.start(opened, 0);
            this.internal = api;
            for (int i = 0; i < options.nodes(); i++) {
                SortedSet<Integer> shards = new TreeSet<>();
                for (int s = i; s < options.shards(); s += options.nodes()) {
                    shards.add(s);
                }
                String name = "node-" + i;
                nodes.add(new Node(name, shards, dir.resolve("nodes").resolve(name)));
            }
            for (Node n : nodes) {
                n.start();
            }
            publishCommittee();
            this.publisher = publisherKey(dir).address();
            if (opened.coinBalance(publisher, opened.types().wal()) < PUBLISHER_WAL_FLOOR) {
                opened.fund(publisher, 100_000_000_000L, 1_000_000_000_000L);
            }
            for (Node n : nodes) {
                committee.add(new NodeEndpoint(n.name, n.url(), n.shards));
            }
            this.daemon = WalrusDaemon.start(
                    new WalrusDaemon.Config(
                            options.port(),
                            options.maxBodySize(),
                            WalrusDaemon.Config.DEFAULT_MAX_QUILT_BODY_SIZE,
                            options.maxConcurrentStores(),
                            256,
                            options.shards(),
                            List.copyOf(committee),
                            Duration.ofSeconds(30)),
                    new ChainPublisher(opened, publisher));
            opened.addEpochListener((previous, now) -> {
                for (Node n : nodes) {
                    StorageNode in = n.inProcess;
                    if (in != null) {
                        in.sweepExpired();
                    }
                }
            });
            this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "localnet-epoch-clock");
                t.setDaemon(true);
                return t;
            });
            opened.startEpochClock(scheduler, Duration.ofSeconds(1));
            writeEndpoints(dir);
        } catch (IOException | RuntimeException e) {
            for (Node n : nodes) {
                n.stop();
            }
            if (api != null) {
                api.close();
            }
            if (server != null) {
                server.close();
            }
            opened.close();
            throw e;
        }
    }

    /** Starts the network in {@code options.dir()}, creating it there on first use. */
    public static LocalWalrusNetwork start(Options options, Clock clock) throws IOException {
        LocalWalrusNetwork net = new LocalWalrusNetwork(options, clock);
        LOG.info("local Walrus network up: publisher and aggregator at {}", net.daemon.baseUri());
        return net;
    }

    private static void checkShape(Path dir, Options options) throws IOException {
        Path shapeFile = dir.resolve("network.json");
        if (Files.exists(shapeFile)) {
            JsonNode shape = JSON.readTree(Files.readAllBytes(shapeFile));
            if (shape.get("nodes").asInt() != options.nodes()
                    || shape.get("shards").asInt() != options.shards()) {
                throw new IllegalArgumentException(dir + " holds a network of "
                        + shape.get("nodes").asInt()
                        + " nodes and " + shape.get("shards").asInt() + " shards; start it with those, or use another"
                        + " folder");
            }
        } else {
            ObjectNode shape = JSON.createObjectNode();
            shape.put("nodes", options.nodes());
            shape.put("shards", options.shards());
            Files.write(shapeFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(shape));
        }
    }

    private static Ed25519Keypair publisherKey(Path dir) throws IOException {
        Path file = dir.resolve("publisher.key");
        if (!Files.exists(file)) {
            byte[] seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            Path tmp = dir.resolve("publisher.key.tmp");
            Files.write(tmp, seed);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return Ed25519Keypair.fromSeed(Files.readAllBytes(file));
    }

    private void publishCommittee() {
        List<StorageNodeInfo> infos = new ArrayList<>();
        for (Node n : nodes) {
            infos.add(new StorageNodeInfo(
                    n.name,
                    nodeId(n.name),
                    n.url().toString(),
                    n.publicKey,
                    new byte[0],
                    List.copyOf(n.shards),
                    n.shards.size()));
        }
        chain.updateCommittee(infos);
    }

    private static SuiAddress nodeId(String name) {
        try {
            return SuiAddress.fromBytes(MessageDigest.getInstance("SHA-256")
                    .digest(("walrus-localnet node " + name).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Process spawn(Node n) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                NodeProcessMain.class.getName(),
                "--name",
                n.name,
                "--shards",
                String.join(",", n.shards.stream().map(String::valueOf).toList()),
                "--n-shards",
                String.valueOf(options.shards()),
                "--dir",
                n.dir.toString(),
                "--port",
                String.valueOf(n.port),
                "--network",
                internal.baseUri().toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectError(n.dir.resolve("node.log").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(NodeProcessMain.READY)) {
                n.port = Integer.parseInt(
                        line.substring(NodeProcessMain.READY.length()).trim());
                Thread drain = new Thread(() -> drain(out), "drain-" + n.name);
                drain.setDaemon(true);
                drain.start();
                return p;
            }
        }
        p.destroyForcibly();
        throw new IOException("storage node " + n.name + " did not start; see " + n.dir.resolve("node.log"));
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // Keep the pipe from filling up.
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    private void writeEndpoints(Path dir) throws IOException {
        ObjectNode e = JSON.createObjectNode();
        e.put("publisher", daemon.baseUri().toString());
        e.put("aggregator", daemon.baseUri().toString());
        e.put("graphql", chainServer.graphQlUri().toString());
        e.put("faucet", chainServer.faucetUri().toString());
        e.put("admin", internal.baseUri().toString());
        ChainConfig config = chain.config();
        e.put("walrusPackage", config.walrusOriginalPackageId().toString());
        e.put("walCoinType", config.walCoinType().toString());
        e.put("systemObject", config.systemObjectId().toString());
        e.put("maxBlobSize", options.maxBodySize());
        ArrayNode list = e.putArray("nodes");
        for (Node n : nodes) {
            list.addObject().put("name", n.name).put("url", n.url().toString());
        }
        Path tmp = dir.resolve("endpoints.json.tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(e));
        Files.move(
                tmp,
                dir.resolve("endpoints.json"),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    // ---- accessors and controls ----

    /** The largest blob the publisher accepts. */
    public long maxBodySize() {
        return options.maxBodySize();
    }

    public URI publisherUri() {
        return daemon.baseUri();
    }

    public URI aggregatorUri() {
        return daemon.baseUri();
    }

    public URI graphQlUri() {
        return chainServer.graphQlUri();
    }

    public URI faucetUri() {
        return chainServer.faucetUri();
    }

    public LocalChain chain() {
        return chain;
    }

    /** The storage nodes as a publisher reaches them: name, URL and shards. */
    public List<NodeEndpoint> committee() {
        return List.copyOf(committee);
    }

    /** The address whose WAL pays for blobs stored through the publisher. */
    public SuiAddress publisherAddress() {
        return publisher;
    }

    public int nodeCount() {
        return nodes.size();
    }

    public List<URI> nodeUris() {
        return nodes.stream().map(Node::url).toList();
    }

    /** Moves to the next epoch now; expired blobs are deleted from the nodes. */
    public long advanceEpoch() {
        return chain.advanceEpoch();
    }

    /** Stops a node: kills its process, or closes it in this process. */
    public void stopNode(int index) {
        nodes.get(index).stop();
    }

    /** Starts a stopped node again on its port and data folder. */
    public void startNode(int index) throws IOException {
        Node n = nodes.get(index);
        if (!n.running()) {
            n.start();
        }
    }

    /** The process of a node run with {@code nodeProcesses}, for tests that kill it themselves. */
    public Process nodeProcess(int index) {
        Process p = nodes.get(index).process;
        if (p == null) {
            throw new IllegalStateException("node " + index + " does not run as a process");
        }
        return p;
    }

    @Override
    public void close() {
        chain.stopEpochClock();
        scheduler.shutdownNow();
        daemon.close();
        for (Node n : nodes) {
            n.stop();
        }
        internal.close();
        chainServer.close();
        try {
            chain.close();
        } catch (IOException e) {
            LOG.warn("closing the chain failed: {}", e.getMessage());
        }
    }
}
