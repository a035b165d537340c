package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.SuiAddress;
import java.util.List;
import java.util.Objects;

/**
 * One atomic change of chain state, as logged and applied: a transaction record, the object versions it wrote,
 * the IDs it removed from the live set (deleted or wrapped), the address balances it set, and a new epoch if it
 * started one.
 *
 * @param transaction the committed transaction
 * @param written the new object versions
 * @param removed the IDs no longer live
 * @param balances the address balances after the transaction (only those that changed)
 * @param newEpoch the epoch this change starts, or {@code null}
 */
record Commit(
        TransactionRecord transaction,
        List<ChainObject> written,
        List<SuiAddress> removed,
        List<AddressBalance> balances,
        EpochInfo newEpoch) {
    Commit {
        Objects.requireNonNull(transaction, "transaction");
        written = List.copyOf(written);
        removed = List.copyOf(removed);
        balances = List.copyOf(balances);
    }
}
