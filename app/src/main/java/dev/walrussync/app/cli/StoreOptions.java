package dev.walrussync.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where a repository is kept: the store or the Walrus network, and the network's URLs; shared by init and recover. */
final class StoreOptions {
    @Option(
            names = "--store",
            paramLabel = "SPEC",
            description = "Where to keep the repository: walrus:NETWORK or dir:PATH (default: walrus:local, the"
                    + " embedded local Walrus network).")
    String store;

    @Option(
            names = "--network",
            paramLabel = "NAME",
            description = "The Walrus network: local (embedded, the default), testnet, mainnet, or a name of your"
                    + " own with --endpoints or the URL options. Same as --store walrus:NAME.")
    String network;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Epochs ahead each new blob is paid for (default: 53 on the local network, 10 elsewhere).")
    Integer epochs;

    @Option(
            names = "--publisher",
            paramLabel = "URL",
            description = "Publisher URL, overriding the network's; repeatable.")
    List<String> publishers;

    @Option(
            names = "--aggregator",
            paramLabel = "URL",
            description = "Aggregator URL, overriding the network's; repeatable (they are failed over in order).")
    List<String> aggregators;

    @Option(names = "--graphql", paramLabel = "URL", description = "Sui GraphQL URL, overriding the network's.")
    String graphql;

    @Option(
            names = "--endpoints",
            paramLabel = "FILE",
            description = "Take URLs and IDs from a local network's endpoints.json ('walrus-sync localnet').")
    Path endpoints;

    @Option(
            names = "--publisher-jwt-file",
            paramLabel = "FILE",
            description = "Bearer token for an authenticated publisher, read from FILE.")
    Path jwtFile;

    /** The store spec the options name: {@code --store}, else {@code walrus:} and the network (default local). */
    String storeSpec(CommandLine cmd) {
        if (store != null && network != null) {
            throw new CommandLine.ParameterException(cmd, "give --store or --network, not both");
        }
        return store != null ? store : "walrus:" + (network != null ? network : WalrusSettings.LOCAL);
    }

    /** The Walrus settings for a {@code walrus:} spec, or null for another store. */
    @Nullable
    WalrusSettings walrusSettings(String spec) throws SyncException {
        return spec.startsWith("walrus:") ? walrusSettingsFor(spec.substring("walrus:".length())) : null;
    }

    private WalrusSettings walrusSettingsFor(String name) throws SyncException {
        if (name.isBlank()) {
            throw new SyncException(
                    "the Walrus network has no name; use local, testnet, mainnet or a name of your own");
        }
        int e = epochs != null ? epochs : name.equals(WalrusSettings.LOCAL) ? 53 : WalrusSettings.DEFAULT_EPOCHS;
        if (e < 1) {
            throw new SyncException("--epochs must be at least 1");
        }
        List<String> pubs = publishers;
        List<String> aggs = aggregators;
        String gql = graphql;
        String faucet = null;
        String walCoinType = null;
        String walrusPackage = null;
        String systemObject = null;
        Long maxBlobSize = null;
        if (endpoints != null) {
            JsonNode j;
            try {
                j = new ObjectMapper().readTree(Files.readAllBytes(endpoints));
            } catch (IOException ex) {
                throw new SyncException("cannot read " + endpoints + ": " + ex.getMessage(), ex);
            }
            if (!j.hasNonNull("aggregator") || !j.hasNonNull("graphql") || !j.hasNonNull("systemObject")) {
                throw new SyncException(endpoints + " is not a local network's endpoints.json (no aggregator,"
                        + " graphql or systemObject)");
            }
            pubs = pubs != null ? pubs : List.of(j.path("publisher").asText());
            aggs = aggs != null ? aggs : List.of(j.path("aggregator").asText());
            gql = gql != null ? gql : j.path("graphql").asText();
            faucet = j.hasNonNull("faucet") ? j.path("faucet").asText() : null;
            walCoinType = j.path("walCoinType").asText();
            walrusPackage = j.path("walrusPackage").asText();
            systemObject = j.path("systemObject").asText();
            maxBlobSize = j.hasNonNull("maxBlobSize") ? j.path("maxBlobSize").asLong() : null;
        }
        String jwt = jwtFile != null ? WalrusSyncCommand.readFirstLine(jwtFile) : null;
        return new WalrusSettings(
                1,
                name,
                e,
                pubs,
                aggs,
                gql,
                walCoinType,
                walrusPackage,
                systemObject,
                null,
                jwt,
                faucet,
                maxBlobSize,
                null);
    }
}
