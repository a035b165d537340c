package dev.walrussync.walrus.publisher;

import dev.walrussync.walrus.http.WalrusException;

/** The publisher refused the body as too large (HTTP 413): the caller must send smaller blobs. */
public final class PayloadTooLargeException extends WalrusException {
    private static final long serialVersionUID = 1L;
    private final long sentBytes;

    public PayloadTooLargeException(String message, long sentBytes) {
        super(message, false);
        this.sentBytes = sentBytes;
    }

    /** How many bytes the refused request carried. */
    public long sentBytes() {
        return sentBytes;
    }
}
