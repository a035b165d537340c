package dev.walrussync.localnet.chain;

/**
 * An in-process chain call (register, certify, transfer) that failed; nothing changed. When the failure is one Sui
 * would report from execution (a Move abort, insufficient balance), {@link #failure()} has the details.
 */
public final class ChainCallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ExecutionFailure failure;

    public ChainCallException(String message) {
        super(message);
        this.failure = null;
    }

    public ChainCallException(ExecutionFailure failure) {
        super(failure.message());
        this.failure = failure;
    }

    /** The execution failure, or {@code null} when the call was refused before execution. */
    public ExecutionFailure failure() {
        return failure;
    }
}
