package dev.walrussync.walrus.chain;

import dev.walrussync.walrus.http.WalrusException;

/**
 * The Sui network answered, but the configured Walrus IDs do not name a Walrus deployment on it: the
 * system object is missing or of another package's type. Not retryable: the settings are wrong.
 */
public final class WrongNetworkException extends WalrusException {
    private static final long serialVersionUID = 1L;

    public WrongNetworkException(String message) {
        super(message, false);
    }
}
