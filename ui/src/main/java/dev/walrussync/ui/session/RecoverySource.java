package dev.walrussync.ui.session;

import java.nio.file.Path;

/**
 * Where the repository to recover on this machine is kept: on a Walrus network, where it is found among the blobs its
 * wallet owns, or in a folder (a directory store, as {@code walrus-sync init --store dir:PATH} makes).
 */
public sealed interface RecoverySource {
    /**
     * On a Walrus network.
     *
     * @param walletKey the {@code suiprivkey1…} key of the wallet that owns the repository's blobs
     */
    record OnWalrus(Network network, String walletKey) implements RecoverySource {
        /** Names the network only: the key is a secret. */
        @Override
        public String toString() {
            return "OnWalrus[network=" + network + "]";
        }
    }

    /** In a folder: the directory store's root. */
    record InFolder(Path folder) implements RecoverySource {}
}
