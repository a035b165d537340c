package dev.walrussync.engine.store;

import dev.walrussync.engine.model.SyncException;

/** A store operation failed. {@link #isPermanent()} tells whether retrying can help. */
public class BlobStoreException extends SyncException {
    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public BlobStoreException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public BlobStoreException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
