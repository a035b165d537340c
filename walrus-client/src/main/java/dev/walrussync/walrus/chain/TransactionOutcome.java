package dev.walrussync.walrus.chain;

/**
 * A transaction that Sui executed successfully.
 *
 * @param digest its Base58 digest
 * @param gasMist the SUI it cost: computation + storage − rebate, in MIST (may be negative)
 */
public record TransactionOutcome(String digest, long gasMist) {}
