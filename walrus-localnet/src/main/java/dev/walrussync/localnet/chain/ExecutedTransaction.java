package dev.walrussync.localnet.chain;

import java.util.List;
import java.util.Objects;

/**
 * The result of executing or simulating a transaction: its record (with effects) and, per command, the values it
 * returned.
 *
 * @param record the transaction record; for a simulation it was never committed
 * @param outputs each command's return values (empty lists when the transaction failed)
 * @param simulated whether this was a dry run
 * @param written the object versions a dry run would have written (empty for executed transactions, whose
 *     versions are in the chain)
 */
public record ExecutedTransaction(
        TransactionRecord record, List<List<ReturnValue>> outputs, boolean simulated, List<ChainObject> written) {
    public ExecutedTransaction {
        Objects.requireNonNull(record, "record");
        outputs = outputs.stream().map(List::copyOf).toList();
        written = List.copyOf(written);
    }

    /** The effects. */
    public TransactionEffects effects() {
        return record.effects();
    }
}
