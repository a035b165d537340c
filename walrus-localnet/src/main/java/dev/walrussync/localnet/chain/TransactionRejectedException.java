package dev.walrussync.localnet.chain;

/**
 * A transaction the chain refuses before execution (bad signature, stale or missing object, wrong owner, gas
 * problems, malformed input), as Sui validators refuse to sign it. Nothing changes, no gas is charged. The message
 * mirrors Sui's error text, e.g. {@code "Object ID 0x… Version 0x… Digest … is not available for consumption,
 * current version: 0x…"}.
 */
public final class TransactionRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public TransactionRejectedException(String message) {
        super(message);
    }
}
