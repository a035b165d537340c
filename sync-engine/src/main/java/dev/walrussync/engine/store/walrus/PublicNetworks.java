package dev.walrussync.engine.store.walrus;

import dev.walrussync.engine.model.SyncException;
import dev.walrussync.walrus.network.WalrusNetworks;

/** The connector for networks that run elsewhere: testnet, mainnet and custom networks. */
public final class PublicNetworks implements WalrusConnector {
    @Override
    public Connection connect(WalrusSettings settings, java.nio.file.Path home) throws SyncException {
        return switch (settings.network()) {
            case WalrusSettings.LOCAL ->
                throw new SyncException("the embedded local Walrus network is started by the app, not the engine");
            case "testnet" -> WalrusConnector.remote(settings.apply(WalrusNetworks.testnet()));
            case "mainnet" -> WalrusConnector.remote(settings.apply(WalrusNetworks.mainnet()));
            default -> WalrusConnector.remote(settings.apply(null));
        };
    }
}
