package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.Digest;
import java.util.List;
import java.util.Objects;

/**
 * What the faucet gave: new coin objects (a {@code Coin<SUI>} and a {@code Coin<WAL>}) and the transaction.
 *
 * @param coins the coins created
 * @param transactionDigest the faucet transaction
 */
public record FaucetGrant(List<ChainObject> coins, Digest transactionDigest) {
    public FaucetGrant {
        coins = List.copyOf(coins);
        Objects.requireNonNull(transactionDigest, "transactionDigest");
    }
}
