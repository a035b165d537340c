package dev.walrussync.localnet.chain;

/** Thrown inside execution to stop a transaction with an {@link ExecutionFailure}; never escapes the chain. */
final class ExecutionAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ExecutionFailure failure;

    ExecutionAbort(ExecutionFailure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    ExecutionFailure failure() {
        return failure;
    }

    /** A failure of kind {@code kind} with Sui's display text, not yet tied to a command. */
    static ExecutionAbort of(String kind, String description) {
        return new ExecutionAbort(new ExecutionFailure(kind, description, -1, null));
    }

    /** {@code CommandArgumentError { arg_idx, kind }}. */
    static ExecutionAbort argument(int argIdx, String kindText) {
        return of("CommandArgumentError", "Invalid command argument at " + argIdx + ". " + kindText);
    }

    /** A Move abort. */
    static ExecutionAbort move(MoveAbortLocation location) {
        return new ExecutionAbort(ExecutionFailure.moveAbort(-1, location));
    }

    /** This failure tied to command {@code index}, unless it already names one. */
    ExecutionFailure inCommand(int index) {
        if (failure.command() >= 0) {
            return failure;
        }
        return new ExecutionFailure(failure.kind(), failure.description(), index, failure.abort());
    }
}
