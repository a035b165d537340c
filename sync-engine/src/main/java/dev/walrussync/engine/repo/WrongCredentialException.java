package dev.walrussync.engine.repo;

import dev.walrussync.engine.model.SyncException;

/** The passphrase or recovery phrase opens none of the repository's key slots. */
public final class WrongCredentialException extends SyncException {
    private static final long serialVersionUID = 1L;

    public WrongCredentialException(String message) {
        super(message);
    }

    public WrongCredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
