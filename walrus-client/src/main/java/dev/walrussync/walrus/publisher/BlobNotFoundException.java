package dev.walrussync.walrus.publisher;

import dev.walrussync.walrus.http.WalrusException;

/** The aggregator says the blob does not exist (HTTP 404): it was never stored, or it expired or was deleted. */
public final class BlobNotFoundException extends WalrusException {
    private static final long serialVersionUID = 1L;

    public BlobNotFoundException(String message) {
        super(message, false);
    }
}
