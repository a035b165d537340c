package dev.walrussync.localnet.chain;

/** Told after each epoch change has been committed (storage nodes sweep expired blobs here). */
@FunctionalInterface
public interface EpochListener {
    /**
     * Called once per epoch change, in order, on the thread that advanced the epoch, after the change is durable.
     * Listeners may read the chain and make calls on it from this thread, but must not wait for another thread
     * that writes to the chain.
     *
     * @param previousEpoch the epoch that ended
     * @param newEpoch the epoch that started
     */
    void epochChanged(long previousEpoch, long newEpoch);
}
