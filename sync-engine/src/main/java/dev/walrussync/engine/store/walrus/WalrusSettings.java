package dev.walrussync.engine.store.walrus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.engine.internal.AtomicFiles;
import dev.walrussync.engine.model.RenewalPolicy;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.walrus.network.WalrusNetwork;
import dev.walrussync.walrus.sui.SuiAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Walrus settings of a repository, kept in the app home as {@code walrus.json} (documented in
 * docs/design/configuration.md). The network is {@code local} (the embedded network), {@code testnet},
 * {@code mainnet} or a custom name; any field left out takes the preset of testnet or mainnet, and a
 * custom network must give them all.
 *
 * @param version the file format, 1
 * @param network {@code local}, {@code testnet}, {@code mainnet} or a custom name
 * @param epochs how many epochs ahead every new blob is paid for
 * @param publishers publisher base URLs, overriding the preset
 * @param aggregators aggregator base URLs, overriding the preset
 * @param graphql the Sui GraphQL URL, overriding the preset
 * @param walCoinType the WAL coin type, overriding the preset
 * @param walrusPackage the original Walrus package ID, overriding the preset
 * @param systemObject the Walrus System object ID, overriding the preset
 * @param stakingObject the Walrus Staking object ID, overriding the preset
 * @param publisherJwt a bearer token for an authenticated publisher
 * @param faucet a faucet URL ({@code …/v2/gas}), for local and custom test networks
 * @param maxBlobSize the largest blob the publisher accepts, overriding the preset (10 MiB)
 * @param renewal how blobs are kept alive; null for the defaults
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "version",
    "network",
    "epochs",
    "publishers",
    "aggregators",
    "graphql",
    "walCoinType",
    "walrusPackage",
    "systemObject",
    "stakingObject",
    "publisherJwt",
    "faucet",
    "maxBlobSize",
    "renewal"
})
public record WalrusSettings(
        int version,
        String network,
        int epochs,
        @Nullable List<String> publishers,
        @Nullable List<String> aggregators,
        @Nullable String graphql,
        @Nullable String walCoinType,
        @Nullable String walrusPackage,
        @Nullable String systemObject,
        @Nullable String stakingObject,
        @Nullable String publisherJwt,
        @Nullable String faucet,
        @Nullable Long maxBlobSize,
        @Nullable RenewalPolicy renewal) {
    public static final String FILE_NAME = "walrus.json";
    public static final String LOCAL = "local";
    /** Epochs each new blob is paid for unless the user says otherwise. */
    public static final int DEFAULT_EPOCHS = 10;

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Settings for a network by name, with nothing overridden. */
    public static WalrusSettings of(String network, int epochs) {
        return new WalrusSettings(1, network, epochs, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The renewal policy, with the defaults for what the file leaves out. */
    public RenewalPolicy renewalPolicy() {
        return renewal == null ? RenewalPolicy.DEFAULTS : renewal;
    }

    /** These settings with another renewal policy. */
    public WalrusSettings withRenewal(RenewalPolicy policy) {
        return new WalrusSettings(
                version,
                network,
                epochs,
                publishers,
                aggregators,
                graphql,
                walCoinType,
                walrusPackage,
                systemObject,
                stakingObject,
                publisherJwt,
                faucet,
                maxBlobSize,
                policy);
    }

    public boolean isLocal() {
        return network.equals(LOCAL);
    }

    /**
     * The network these settings describe: the preset with the overrides applied, or for a custom
     * network the settings alone.
     */
    public WalrusNetwork apply(@Nullable WalrusNetwork preset) throws SyncException {
        try {
            if (preset == null
                    && (aggregators == null
                            || graphql == null
                            || walCoinType == null
                            || walrusPackage == null
                            || systemObject == null)) {
                throw new SyncException("the custom Walrus network '" + network
                        + "' needs aggregators, graphql, walCoinType, walrusPackage and systemObject in "
                        + FILE_NAME);
            }
            return new WalrusNetwork(
                    network,
                    publishers != null ? uris(publishers) : preset.publishers(),
                    aggregators != null ? uris(aggregators) : preset.aggregators(),
                    graphql != null ? URI.create(graphql) : preset.graphql(),
                    faucet != null ? URI.create(faucet) : preset != null ? preset.faucet() : null,
                    walrusPackage != null ? SuiAddress.parse(walrusPackage) : preset.walrusOriginalPackage(),
                    walCoinType != null ? walCoinType : preset.walCoinType(),
                    systemObject != null ? SuiAddress.parse(systemObject) : preset.systemObject(),
                    stakingObject != null
                            ? SuiAddress.parse(stakingObject)
                            : preset != null ? preset.stakingObject() : null,
                    publisherJwt != null ? publisherJwt : preset != null ? preset.publisherJwt() : null,
                    maxBlobSize != null ? maxBlobSize : preset != null ? preset.maxBlobSize() : 10L << 20);
        } catch (IllegalArgumentException e) {
            throw new SyncException("the Walrus settings in " + FILE_NAME + " are invalid: " + e.getMessage(), e);
        }
    }

    private static List<URI> uris(List<String> texts) {
        return texts.stream().map(URI::create).toList();
    }

    public static Optional<WalrusSettings> load(Path home) throws SyncException {
        Path file = home.resolve(FILE_NAME);
        try {
            WalrusSettings s = JSON.readValue(Files.readAllBytes(file), WalrusSettings.class);
            if (s.version() != 1 || s.network() == null || s.network().isBlank()) {
                throw new SyncException("the Walrus settings " + file + " are incomplete or of an unknown version");
            }
            if (s.epochs() < 1) {
                throw new SyncException("the Walrus settings " + file + " must pay at least 1 epoch ahead");
            }
            return Optional.of(s);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SyncException("the Walrus settings " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public void save(Path home) throws SyncException {
        Path file = home.resolve(FILE_NAME);
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this), false);
        } catch (IOException e) {
            throw new SyncException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
