package dev.walrussync.walrus.encoding;

/** Thrown when decoded data or a sliver does not match the blob's metadata or blob ID. */
public final class InconsistentBlobException extends Exception {
    private static final long serialVersionUID = 1L;

    public InconsistentBlobException(String message) {
        super(message);
    }
}
