package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.SuiAddress;
import dev.walrussync.walrus.sui.TypeTag;
import java.util.Objects;

/**
 * Funds held in an address balance (Sui's funds accumulator) rather than in coin objects.
 *
 * @param owner the address
 * @param coinType the coin type {@code T} of {@code Balance<T>}
 * @param amount the amount, unsigned
 */
public record AddressBalance(SuiAddress owner, TypeTag coinType, long amount) {
    public AddressBalance {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(coinType, "coinType");
    }
}
