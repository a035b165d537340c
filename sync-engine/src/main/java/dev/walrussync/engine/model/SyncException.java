package dev.walrussync.engine.model;

/**
 * The root of expected failures: a wrong passphrase, a missing store, a full disk, a damaged pack.
 * Its message is written for the user and names what failed.
 */
public class SyncException extends Exception {
    private static final long serialVersionUID = 1L;

    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
