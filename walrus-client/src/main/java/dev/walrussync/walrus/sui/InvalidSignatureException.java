package dev.walrussync.walrus.sui;

/** Thrown when a serialized Sui signature is malformed, uses an unsupported scheme, or does not verify. */
public final class InvalidSignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidSignatureException(String message) {
        super(message);
    }

    public InvalidSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
