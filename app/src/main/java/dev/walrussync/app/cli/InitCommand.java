package dev.walrussync.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.app.ExitCode;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code init}: creates an encrypted repository and shows the recovery phrase once. */
@Command(name = "init", description = "Create an encrypted repository and show its recovery phrase.")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    WalrusSyncCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

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

    @Option(
            names = "--wallet-key-file",
            paramLabel = "FILE",
            description = "Use the Sui key (suiprivkey1...) in FILE as the wallet instead of creating one"
                    + " (or set WALRUS_SYNC_WALLET_KEY).")
    Path walletKeyFile;

    @Option(
            names = "--pack-size",
            paramLabel = "SIZE",
            description = "Target pack size, e.g. 64MiB (default: the store's).")
    String packSize;

    @Override
    public Integer call() throws Exception {
        Path home = root.home();
        if (store != null && network != null) {
            throw new picocli.CommandLine.ParameterException(
                    commandSpec.commandLine(), "give --store or --network, not both");
        }
        String spec = store != null ? store : "walrus:" + (network != null ? network : WalrusSettings.LOCAL);
        WalrusSettings walrus = spec.startsWith("walrus:") ? walrusSettings(spec.substring("walrus:".length())) : null;
        String walletKey = walletKeyFile != null
                ? WalrusSyncCommand.readFirstLine(walletKeyFile)
                : root.env().get("WALRUS_SYNC_WALLET_KEY");
        long size;
        try {
            size = packSize == null ? 0 : Format.parseBytes(packSize);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(
                    commandSpec.commandLine(), "--pack-size: " + e.getMessage(), e);
        }
        char[] pass = root.newPassphraseForInit();
        Repositories.Created created;
        try {
            created = root.engine().init(home, spec, pass, size, walrus, walletKey);
        } finally {
            Arrays.fill(pass, '\0');
        }
        if (root.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("repositoryId", created.repositoryId());
            out.put("home", home.toString());
            out.put("store", created.store());
            if (walrus != null) {
                out.put("network", walrus.network());
                out.put("epochs", walrus.epochs());
                out.put("walletAddress", created.walletAddress());
            }
            out.put("recoveryPhrase", String.join(" ", created.recoveryWords()));
            root.console().json(out);
            return ExitCode.OK;
        }
        Console c = root.console();
        c.println("Created repository " + created.repositoryId().substring(0, 8) + " in " + home);
        c.println("Store: " + created.store());
        if (walrus != null) {
            c.println("Wallet: "
                    + created.walletAddress()
                    + " (its key is sealed under the repository's keys in " + home.resolve("wallet.json") + ")");
            c.println("New blobs are paid " + walrus.epochs() + " epochs ahead.");
        }
        c.println("");
        c.println("Recovery phrase (write it down and keep it safe; it is shown only this once):");
        c.println("");
        var words = created.recoveryWords();
        for (int i = 0; i < words.size(); i += 6) {
            StringBuilder line = new StringBuilder("  ");
            for (int j = i; j < Math.min(i + 6, words.size()); j++) {
                line.append(String.format("%2d. %-10s", j + 1, words.get(j)));
            }
            c.println(line.toString().stripTrailing());
        }
        c.println("");
        c.println("With the recovery phrase you can open the repository if you forget the passphrase.");
        return ExitCode.OK;
    }

    private WalrusSettings walrusSettings(String name) throws SyncException {
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
