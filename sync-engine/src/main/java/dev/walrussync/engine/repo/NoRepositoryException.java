package dev.walrussync.engine.repo;

import dev.walrussync.engine.model.SyncException;

/** The store (on Walrus, the wallet on the network) holds no Walrus Sync repository. */
public final class NoRepositoryException extends SyncException {
    private static final long serialVersionUID = 1L;

    public NoRepositoryException(String message) {
        super(message);
    }
}
