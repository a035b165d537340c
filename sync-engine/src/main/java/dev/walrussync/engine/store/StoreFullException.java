package dev.walrussync.engine.store;

/** The store has no room left for a blob. */
public final class StoreFullException extends BlobStoreException {
    private static final long serialVersionUID = 1L;

    public StoreFullException(String message, Throwable cause) {
        super(message, cause, true);
    }
}
