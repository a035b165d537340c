package dev.walrussync.engine.crypto;

/** Thrown when bytes are not a well-formed key blob of a version this code reads; the message names the problem. */
public final class InvalidKeyFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidKeyFileException(String message) {
        super(message);
    }

    public InvalidKeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
