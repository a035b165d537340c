package dev.walrussync.engine.store.walrus;

import dev.walrussync.engine.model.SyncException;
import dev.walrussync.walrus.network.WalrusNetwork;
import java.nio.file.Path;

/**
 * Turns a repository's Walrus settings into a reachable network. The public networks need nothing
 * more than their presets; the embedded local network must first be started, which only the app can
 * do (the engine never depends on the local network), so the app passes its own connector.
 */
@FunctionalInterface
public interface WalrusConnector {
    /**
     * Connects to the network, starting it if it is embedded.
     *
     * @param home the app home, where an embedded network keeps its state
     */
    Connection connect(WalrusSettings settings, Path home) throws SyncException;

    /** A network to use until {@link #close()}, which stops it if it was started for this connection. */
    interface Connection extends AutoCloseable {
        WalrusNetwork network();

        @Override
        void close();
    }

    /** A connection to a network that runs elsewhere: closing it does nothing. */
    static Connection remote(WalrusNetwork network) {
        return new Connection() {
            @Override
            public WalrusNetwork network() {
                return network;
            }

            @Override
            public void close() {}
        };
    }
}
