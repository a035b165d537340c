package dev.walrussync.walrus.bcs;

/** Thrown when bytes are not valid BCS for the expected type: truncated, trailing, non-canonical or out of range. */
public final class BcsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BcsException(String message) {
        super(message);
    }

    public BcsException(String message, Throwable cause) {
        super(message, cause);
    }
}
