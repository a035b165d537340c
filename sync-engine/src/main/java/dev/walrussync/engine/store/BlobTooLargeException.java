package dev.walrussync.engine.store;

/**
 * The store refused a blob as too large (a publisher's HTTP 413). The caller should split what it
 * stores into blobs of at most {@link #suggestedMaxSize()} bytes and try again.
 */
public final class BlobTooLargeException extends BlobStoreException {
    private static final long serialVersionUID = 1L;
    private final long suggestedMaxSize;

    public BlobTooLargeException(String message, long suggestedMaxSize, Throwable cause) {
        super(message, cause, false);
        this.suggestedMaxSize = suggestedMaxSize;
    }

    public long suggestedMaxSize() {
        return suggestedMaxSize;
    }
}
