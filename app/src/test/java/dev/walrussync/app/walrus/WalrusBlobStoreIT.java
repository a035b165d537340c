package dev.walrussync.app.walrus;

import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.BlobStoreContract;
import dev.walrussync.engine.store.walrus.WalrusBlobStore;
import dev.walrussync.engine.store.walrus.WalrusConnector;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import dev.walrussync.walrus.http.RetryPolicy;
import dev.walrussync.walrus.sui.Ed25519Keypair;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Walrus store keeps the same contract as the directory store, on a real local network (the
 * embedded network's shape: 4 nodes, 32 shards). Each test gets a fresh wallet, funded from the
 * faucet, so it starts with an empty store.
 */
class WalrusBlobStoreIT extends BlobStoreContract {
    @TempDir
    static Path networkDir;

    private static LocalWalrusNetwork net;

    @BeforeAll
    static void startNetwork() throws Exception {
        net = LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(networkDir)
                        .withShape(EmbeddedNetworks.NODES, EmbeddedNetworks.SHARDS),
                Clock.systemUTC());
    }

    @AfterAll
    static void stopNetwork() {
        if (net != null) {
            net.close();
        }
    }

    @Override
    protected BlobStore newStore(Path dir) throws Exception {
        Ed25519Keypair wallet = Ed25519Keypair.generate(new SecureRandom());
        WalrusBlobStore store = WalrusBlobStore.open(
                WalrusConnector.remote(EmbeddedNetworks.describe(net, WalrusSettings.of("local", 3))),
                wallet.address(),
                3,
                PACK_SIZE,
                RetryPolicy.DEFAULT);
        store.fundFromFaucet();
        store.useSigner(wallet);
        return store;
    }
}
