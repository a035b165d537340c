package dev.walrussync.engine.repo;

import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.dir.DirectoryBlobStore;
import dev.walrussync.engine.store.walrus.WalrusBlobStore;
import dev.walrussync.engine.store.walrus.WalrusConnector;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.engine.wallet.WalletFile;
import dev.walrussync.walrus.http.RetryPolicy;
import java.nio.file.Path;

/**
 * Where a repository's store is, as text: {@code dir:PATH} for a directory store, {@code walrus:NETWORK}
 * for Walrus ({@code local}, {@code testnet}, {@code mainnet} or a custom network), whose details are in
 * the app home's {@code walrus.json} and whose wallet is in its {@code wallet.json}.
 */
public record StoreSpec(String kind, String location) {
    private static final String USAGE = "use dir:PATH or walrus:NETWORK (local, testnet, mainnet)";

    public static StoreSpec parse(String text) throws SyncException {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new SyncException("'" + text + "' is not a store; " + USAGE);
        }
        String kind = text.substring(0, colon);
        String location = text.substring(colon + 1);
        if (location.isBlank()) {
            throw new SyncException("the store '" + text + "' has no " + (kind.equals("walrus") ? "network" : "path"));
        }
        return switch (kind) {
            case "dir" ->
                new StoreSpec(
                        kind, Path.of(location).toAbsolutePath().normalize().toString());
            case "walrus" -> new StoreSpec(kind, location);
            default -> throw new SyncException("unknown store kind '" + kind + "' in '" + text + "'; " + USAGE);
        };
    }

    public boolean isWalrus() {
        return kind.equals("walrus");
    }

    /** Creates the store, which must not yet hold a repository. */
    BlobStore create(Path home, long packSize, WalrusConnector connector) throws SyncException {
        if (isWalrus()) {
            return open(home, packSize, connector);
        }
        return DirectoryBlobStore.create(
                Path.of(location), packSize > 0 ? packSize : DirectoryBlobStore.DEFAULT_PACK_SIZE);
    }

    BlobStore open(Path home, long packSize, WalrusConnector connector) throws SyncException {
        if (!isWalrus()) {
            return DirectoryBlobStore.open(
                    Path.of(location), packSize > 0 ? packSize : DirectoryBlobStore.DEFAULT_PACK_SIZE);
        }
        WalrusSettings settings = WalrusSettings.load(home)
                .orElseThrow(() -> new SyncException(
                        "the repository is on Walrus, but " + home.resolve(WalrusSettings.FILE_NAME) + " is missing"));
        if (!settings.network().equals(location)) {
            throw new SyncException("the repository is on Walrus network '" + location + "', but "
                    + WalrusSettings.FILE_NAME + " names '" + settings.network() + "'");
        }
        WalletFile wallet = WalletFile.load(home)
                .orElseThrow(() -> new SyncException("the repository is on Walrus, but its wallet "
                        + home.resolve(WalletFile.FILE_NAME) + " is missing"));
        return WalrusBlobStore.open(
                connector.connect(settings, home),
                wallet.suiAddress(),
                settings.epochs(),
                packSize,
                RetryPolicy.DEFAULT);
    }

    @Override
    public String toString() {
        return kind + ":" + location;
    }
}
