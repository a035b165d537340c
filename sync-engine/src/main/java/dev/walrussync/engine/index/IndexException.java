package dev.walrussync.engine.index;

import dev.walrussync.engine.model.SyncException;

/** The SQLite index could not be read or written; the message says why in plain words. */
public final class IndexException extends SyncException {
    private static final long serialVersionUID = 1L;

    private final boolean damaged;

    public IndexException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public IndexException(String message, Throwable cause, boolean damaged) {
        super(message, cause);
        this.damaged = damaged;
    }

    /** Whether the index file itself is damaged (not a database, or corrupt), rather than unreachable. */
    public boolean isDamaged() {
        return damaged;
    }
}
