package dev.walrussync.app.walrus;

import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.walrus.PublicNetworks;
import dev.walrussync.engine.store.walrus.WalrusConnector;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.localnet.chain.ChainConfig;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.network.WalrusNetwork;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The app's Walrus connector: the embedded local network is started in this process, with its state in
 * {@code <home>/localnet}, for as long as the repository is open; every other network is reached as the
 * engine reaches it.
 *
 * <p>The embedded network's shape is chosen for a backup on one machine: 4 storage nodes and 32 shards,
 * so a 10 MiB pack fits in one blob (at 10 shards a blob holds at most 1.8 MB), and 14-day epochs as on
 * mainnet, because a local network catches up on the epochs that passed while the app was not running.
 */
public final class EmbeddedNetworks implements WalrusConnector {
    public static final String DIR = "localnet";
    public static final int NODES = 4;
    public static final int SHARDS = 32;
    public static final Duration EPOCH = Duration.ofDays(14);

    private final WalrusConnector others = new PublicNetworks();
    private final Clock clock;

    public EmbeddedNetworks(Clock clock) {
        this.clock = clock;
    }

    /** The options of the embedded network in an app home. */
    public static LocalWalrusNetwork.Options options(Path home) {
        return LocalWalrusNetwork.Options.defaults(home.resolve(DIR))
                .withShape(NODES, SHARDS)
                .withEpochDuration(EPOCH)
                .withPort(0);
    }

    @Override
    public Connection connect(WalrusSettings settings, Path home) throws SyncException {
        if (!settings.isLocal()) {
            return others.connect(settings, home);
        }
        LocalWalrusNetwork net;
        try {
            net = LocalWalrusNetwork.start(options(home), clock);
        } catch (IOException | RuntimeException e) {
            throw new SyncException(
                    "cannot start the embedded Walrus network in " + home.resolve(DIR) + ": " + e.getMessage(), e);
        }
        WalrusNetwork network = describe(net, settings);
        return new Connection() {
            @Override
            public WalrusNetwork network() {
                return network;
            }

            @Override
            public void close() {
                net.close();
            }
        };
    }

    /** The embedded network as the Walrus client sees it: its URLs and the IDs of its chain. */
    public static WalrusNetwork describe(LocalWalrusNetwork net, WalrusSettings settings) throws SyncException {
        ChainConfig config = net.chain().config();
        WalrusNetwork base = new WalrusNetwork(
                WalrusSettings.LOCAL,
                List.of(net.publisherUri()),
                List.of(net.aggregatorUri()),
                net.graphQlUri(),
                net.faucetUri(),
                config.walrusOriginalPackageId(),
                config.walCoinType().toString(),
                config.systemObjectId(),
                null,
                null,
                net.maxBodySize());
        return settings.apply(base);
    }
}
