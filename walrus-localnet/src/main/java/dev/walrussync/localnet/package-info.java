/**
 * The local Walrus network: storage nodes, a publisher and aggregator, and a Sui-compatible chain,
 * speaking the real wire protocols on loopback. It reuses only the codecs of {@code walrus-client}
 * (encoding, BCS, blob IDs, JSON shapes), never its HTTP layer.
 */
package dev.walrussync.localnet;
