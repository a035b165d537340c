package dev.walrussync.localnet.chain;

/** Told after each transaction has been committed, e.g. to follow blob registrations as they happen. */
@FunctionalInterface
public interface TransactionListener {
    /**
     * Called in commit order, on the committing thread, after the transaction is durable; the same rules as for
     * {@link EpochListener} apply.
     */
    void committed(TransactionRecord transaction);
}
