package dev.walrussync.engine.crypto;

/** Thrown when text is not a valid 24-word BIP-39 English recovery phrase; the message is meant for the user. */
public final class InvalidRecoveryPhraseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRecoveryPhraseException(String message) {
        super(message);
    }
}
