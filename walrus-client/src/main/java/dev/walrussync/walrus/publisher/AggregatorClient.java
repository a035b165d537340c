package dev.walrussync.walrus.publisher;

import dev.walrussync.walrus.http.WalrusException;

/**
 * Reads blobs through Walrus aggregators ({@code GET /v1/blobs/{id}}, with {@code Range} for partial
 * reads), failing over between aggregators and retrying 429, 503, 504 and network errors. A 404 is a
 * {@link BlobNotFoundException} and is not retried.
 */
public final class AggregatorClient {
    public AggregatorClient(
            dev.walrussync.walrus.network.WalrusNetwork network, dev.walrussync.walrus.http.RetryPolicy retry) {
        throw new UnsupportedOperationException("issue 4");
    }

    public byte[] read(String blobId) throws WalrusException {
        throw new UnsupportedOperationException("issue 4");
    }

    /** Reads {@code length} bytes from {@code offset}; fails if the blob is shorter. */
    public byte[] readRange(String blobId, long offset, int length) throws WalrusException {
        throw new UnsupportedOperationException("issue 4");
    }
}
