package dev.walrussync.ui.session;

/** The Walrus networks onboarding offers. */
public enum Network {
    /** The embedded local network: free, on this machine, started with the app. */
    LOCAL("local"),
    /** Walrus testnet: test tokens from a faucet, data may be wiped. */
    TESTNET("testnet"),
    /** Walrus mainnet: storage is paid in WAL, gas in SUI. */
    MAINNET("mainnet");

    private final String id;

    Network(String id) {
        this.id = id;
    }

    /** The network's name in store specs ({@code walrus:local}). */
    public String id() {
        return id;
    }
}
