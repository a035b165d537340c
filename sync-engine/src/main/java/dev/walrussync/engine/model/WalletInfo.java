package dev.walrussync.engine.model;

/**
 * The repository's wallet on its Walrus network.
 *
 * @param network the Walrus network's name
 * @param address the Sui address that owns the repository's blobs
 * @param walFrost its WAL, in FROST (10^-9 WAL)
 * @param suiMist its SUI, in MIST (10^-9 SUI)
 */
public record WalletInfo(String network, String address, long walFrost, long suiMist) {}
