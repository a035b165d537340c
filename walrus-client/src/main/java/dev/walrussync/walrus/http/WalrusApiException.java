package dev.walrussync.walrus.http;

import org.jspecify.annotations.Nullable;

/**
 * A Walrus service answered with an error status, usually with an AIP-193 body ({@code {"error":
 * {"code", "status", "message", "details": [{"reason", ...}]}}}); plain-text bodies keep their text as
 * the message.
 */
public class WalrusApiException extends WalrusException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;
    private final @Nullable String status;
    private final @Nullable String reason;

    public WalrusApiException(
            int httpStatus, @Nullable String status, @Nullable String reason, String message, boolean retryable) {
        super(message, retryable);
        this.httpStatus = httpStatus;
        this.status = status;
        this.reason = reason;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The AIP-193 {@code status}, such as {@code NOT_FOUND}, if the body had one. */
    public @Nullable String status() {
        return status;
    }

    /** The AIP-193 {@code ErrorInfo.reason}, such as {@code BLOB_NOT_FOUND}, if the body had one. */
    public @Nullable String reason() {
        return reason;
    }
}
