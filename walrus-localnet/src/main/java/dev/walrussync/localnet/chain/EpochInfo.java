package dev.walrussync.localnet.chain;

/**
 * One epoch of the chain: its number, start time, reference gas price and protocol version. Locally the Sui epoch
 * and the Walrus epoch are the same number and change together.
 *
 * @param epochId the epoch number
 * @param startTimestampMs when it started (Unix milliseconds)
 * @param referenceGasPrice the reference gas price in MIST
 * @param protocolVersion the Sui protocol version reported
 */
public record EpochInfo(long epochId, long startTimestampMs, long referenceGasPrice, long protocolVersion) {}
