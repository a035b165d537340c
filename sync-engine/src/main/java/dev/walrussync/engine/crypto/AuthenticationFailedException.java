package dev.walrussync.engine.crypto;

/** Thrown when an AEAD tag or a keyed check fails: wrong key, or data that was altered. */
public final class AuthenticationFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super(message);
    }

    public AuthenticationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
