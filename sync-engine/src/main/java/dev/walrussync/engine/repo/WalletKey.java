package dev.walrussync.engine.repo;

import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.walrus.WalrusBlobStore;
import dev.walrussync.engine.wallet.WalletFile;
import dev.walrussync.walrus.sui.Ed25519Keypair;

/** The repository's wallet key, unsealed from {@code wallet.json} with the unlocked repository's keys. */
public final class WalletKey {
    private WalletKey() {}

    /**
     * Unseals the wallet's key pair.
     *
     * @throws SyncException when the repository is not on Walrus (it has no wallet), when the app home has no
     *     wallet file, or when the file does not open with this repository's keys
     */
    public static Ed25519Keypair open(Repository repo) throws SyncException {
        if (!(repo.store() instanceof WalrusBlobStore)) {
            throw new SyncException("the repository is kept in a folder ("
                    + repo.config().store() + "), not on Walrus: it has no wallet and no wallet key");
        }
        WalletFile wallet = WalletFile.load(repo.home())
                .orElseThrow(() -> new SyncException("the repository is on Walrus, but its wallet file "
                        + repo.home().resolve(WalletFile.FILE_NAME) + " is missing"));
        return wallet.open(repo.keys());
    }
}
