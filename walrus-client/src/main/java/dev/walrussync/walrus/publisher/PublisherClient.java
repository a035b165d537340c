package dev.walrussync.walrus.publisher;

import dev.walrussync.walrus.http.WalrusException;
import java.nio.file.Path;

/**
 * Stores blobs through a Walrus publisher ({@code PUT /v1/blobs}), with retries on 429, 503, 504 and
 * network errors, an optional JWT bearer token, and failover across publishers. Every answer is
 * checked: the blob ID in the response must be the one the client computes from the bytes.
 */
public final class PublisherClient {
    /**
     * @param network the publishers to use (in order) and an optional JWT
     * @param nShards the network's shard count, to compute the blob ID the answer must carry
     */
    public PublisherClient(
            dev.walrussync.walrus.network.WalrusNetwork network,
            int nShards,
            dev.walrussync.walrus.http.RetryPolicy retry) {
        throw new UnsupportedOperationException("issue 4");
    }

    /** Stores the file's bytes; the file is streamed, not read into memory. */
    public StoreResult store(Path file, StoreOptions options) throws WalrusException {
        throw new UnsupportedOperationException("issue 4");
    }

    public StoreResult store(byte[] data, StoreOptions options) throws WalrusException {
        throw new UnsupportedOperationException("issue 4");
    }
}
