package dev.walrussync.walrus.network;

/**
 * The public Walrus networks, with the IDs of protocol.md §4.9 (testnet's change when it is
 * redeployed; a config file may override any of them).
 */
public final class WalrusNetworks {
    private WalrusNetworks() {}

    public static WalrusNetwork testnet() {
        throw new UnsupportedOperationException("issue 4");
    }

    public static WalrusNetwork mainnet() {
        throw new UnsupportedOperationException("issue 4");
    }
}
