package dev.walrussync.engine.index;

import dev.walrussync.engine.model.SyncException;

/** The SQLite index could not be read or written; the message says why in plain words. */
public final class IndexException extends SyncException {
    private static final long serialVersionUID = 1L;

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
