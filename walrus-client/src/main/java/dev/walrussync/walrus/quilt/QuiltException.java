package dev.walrussync.walrus.quilt;

/** A quilt cannot be built or read: an invalid or duplicate identifier, too many or too large patches, or bytes that are not a QuiltV1. */
public final class QuiltException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public QuiltException(String message) {
        super(message);
    }

    public QuiltException(String message, Throwable cause) {
        super(message, cause);
    }
}
