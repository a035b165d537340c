package dev.walrussync.engine.repo;

import dev.walrussync.engine.model.SyncException;

/** Stored data failed its authentication or ID check: it was altered, truncated or swapped. */
public final class DamagedDataException extends SyncException {
    private static final long serialVersionUID = 1L;

    public DamagedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
