package dev.walrussync.walrus.chain;

/**
 * What an address holds.
 *
 * @param walFrost WAL in FROST (10^-9 WAL), coins and address balance together
 * @param suiMist SUI in MIST (10^-9 SUI), coins and address balance together
 */
public record Balances(long walFrost, long suiMist) {}
