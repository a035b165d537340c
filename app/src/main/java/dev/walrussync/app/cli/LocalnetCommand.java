package dev.walrussync.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.model.Durations;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code localnet}: runs a whole local Walrus network in the foreground. */
@Command(
        name = "localnet",
        description = {
            "Run a local Walrus network (chain, storage nodes, publisher and aggregator) in the foreground.",
            "It writes DIR/endpoints.json with every URL; stop it with Ctrl-C. Its state survives a restart."
        },
        subcommands = {LocalnetCommand.AdvanceEpoch.class})
final class LocalnetCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder for the network's state (required).")
    Path dir;

    @Option(names = "--nodes", paramLabel = "N", description = "Storage nodes (default: ${DEFAULT-VALUE}).")
    int nodes = 4;

    @Option(names = "--shards", paramLabel = "N", description = "Shards (default: ${DEFAULT-VALUE}).")
    int shards = 10;

    @Option(
            names = "--epoch-duration",
            paramLabel = "DURATION",
            description = "How long an epoch lasts, e.g. 10m, 30s, 2h (default: ${DEFAULT-VALUE}).")
    String epochDuration = "10m";

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Publisher and aggregator port (default: ${DEFAULT-VALUE}, as Walrus's daemon).")
    int port = 31415;

    @Option(names = "--node-processes", description = "Run every storage node as its own OS process.")
    boolean nodeProcesses;

    @Option(
            names = "--max-body-size",
            paramLabel = "SIZE",
            description = "Largest blob the publisher accepts, e.g. 64MiB (default: 10MiB, as Walrus).")
    String maxBodySize;

    @Override
    public Integer call() throws Exception {
        if (dir == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "give the network's folder with --dir DIR");
        }
        LocalWalrusNetwork.Options options = LocalWalrusNetwork.Options.defaults(dir.toAbsolutePath())
                .withShape(nodes, shards)
                .withEpochDuration(parseDuration(epochDuration))
                .withPort(port)
                .withNodeProcesses(nodeProcesses);
        if (maxBodySize != null) {
            options = options.withMaxBodySize(Format.parseBytes(maxBodySize));
        }
        LocalWalrusNetwork net = LocalWalrusNetwork.start(options, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            net.close();
            stopped.countDown();
        }));
        Console c = root.console();
        if (root.json()) {
            c.json(new ObjectMapper().readTree(Files.readAllBytes(dir.resolve("endpoints.json"))));
        } else {
            c.println("Local Walrus network running (" + nodes + " nodes, " + shards + " shards, epoch "
                    + net.chain().currentEpoch() + ", epochs last " + epochDuration + "):");
            c.println("  publisher   " + net.publisherUri());
            c.println("  aggregator  " + net.aggregatorUri());
            c.println("  graphql     " + net.graphQlUri());
            c.println("  faucet      " + net.faucetUri());
            for (URI node : net.nodeUris()) {
                c.println("  node        " + node);
            }
            c.println("Endpoints are in " + dir.resolve("endpoints.json") + ". Press Ctrl-C to stop.");
        }
        c.out().flush();
        stopped.await();
        return ExitCode.OK;
    }

    static Duration parseDuration(String text) {
        String t = text.trim();
        Duration d = t.toLowerCase(Locale.ROOT).startsWith("p") ? parseIso(t) : Durations.parse(t);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("the epoch duration must be positive, not '" + text + "'");
        }
        return d;
    }

    private static Duration parseIso(String text) {
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (examples: 30s, 10m, 2h, 1d)");
        }
    }

    @Command(name = "advance-epoch", description = "Move a running local network to its next epoch now.")
    static final class AdvanceEpoch implements Callable<Integer> {
        @ParentCommand
        LocalnetCommand localnet;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The network's folder.")
        Path dir;

        @Override
        public Integer call() throws Exception {
            Path endpoints = dir.resolve("endpoints.json");
            if (!Files.exists(endpoints)) {
                throw new SyncException("no local network in " + dir + " (no endpoints.json); start one with"
                        + " 'walrus-sync localnet --dir " + dir + "'");
            }
            JsonNode e = new ObjectMapper().readTree(Files.readAllBytes(endpoints));
            URI admin = URI.create(e.path("admin").asText());
            HttpResponse<String> r;
            try (HttpClient http = HttpClient.newHttpClient()) {
                r = http.send(
                        HttpRequest.newBuilder(admin.resolve("/local/v1/advance-epoch"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException ex) {
                throw new SyncException("the local network in " + dir + " is not running (" + ex.getMessage() + ")");
            }
            if (r.statusCode() != 200) {
                throw new SyncException("the network refused: " + r.statusCode() + " " + r.body());
            }
            long epoch = new ObjectMapper().readTree(r.body()).path("epoch").asLong();
            if (localnet.root.json()) {
                localnet.root.console().println(r.body());
            } else {
                localnet.root.console().println("The local network is now in epoch " + epoch + ".");
            }
            return ExitCode.OK;
        }
    }
}
