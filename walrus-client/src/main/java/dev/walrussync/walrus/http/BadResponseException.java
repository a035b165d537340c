package dev.walrussync.walrus.http;

/**
 * A server answered with something we must not accept: a body that does not parse, a shape the
 * protocol does not allow, or a blob ID that does not match the bytes we sent.
 */
public final class BadResponseException extends WalrusException {
    private static final long serialVersionUID = 1L;

    public BadResponseException(String message) {
        super(message, false);
    }

    public BadResponseException(String message, Throwable cause) {
        super(message, cause, false);
    }
}
