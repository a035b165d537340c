package dev.walrussync.engine.store;

import dev.walrussync.engine.model.BlobId;

/** The store has no blob with this ID (never stored, deleted, or expired). */
public final class BlobNotFoundException extends BlobStoreException {
    private static final long serialVersionUID = 1L;

    public BlobNotFoundException(BlobId id) {
        super("blob " + id + " is not in the store", true);
    }
}
