package dev.walrussync.walrus.http;

/**
 * A Walrus or Sui request failed. {@link #retryable()} says whether trying again later may succeed
 * (a 429, 503, 504 or a network error) or not (a bad request, a missing blob, a response that does
 * not parse).
 */
public class WalrusException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public WalrusException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public WalrusException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
