package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.Digest;
import dev.walrussync.walrus.sui.SuiAddress;
import java.util.List;
import java.util.Objects;

/**
 * A committed transaction: a user's programmable transaction (with its BCS and signatures), or a local system
 * transaction (genesis, epoch change, faucet, or an in-process publisher call), which has no BCS.
 *
 * @param digest the transaction digest
 * @param kind what it was
 * @param sender the sender (0x0 for system transactions)
 * @param transactionBcs the {@code TransactionData} BCS, or {@code null} for local transactions
 * @param signatures the serialized signatures, Base64
 * @param effects the effects
 * @param checkpoint the sequence number of the checkpoint that holds it (one transaction per checkpoint here)
 * @param timestampMs when it was committed (Unix milliseconds)
 */
public record TransactionRecord(
        Digest digest,
        Kind kind,
        SuiAddress sender,
        byte[] transactionBcs,
        List<String> signatures,
        TransactionEffects effects,
        long checkpoint,
        long timestampMs) {
    /** The kinds of transaction. */
    public enum Kind {
        /** A signed programmable transaction. */
        PROGRAMMABLE,
        /** The genesis transaction. */
        GENESIS,
        /** An epoch change or committee/price update. */
        SYSTEM,
        /** A faucet grant. */
        FAUCET,
        /** An in-process call by the publisher ({@code register_blob}, {@code certify_blob}, transfers). */
        LOCAL_CALL
    }

    public TransactionRecord {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sender, "sender");
        transactionBcs = transactionBcs == null ? null : transactionBcs.clone();
        signatures = List.copyOf(signatures);
        Objects.requireNonNull(effects, "effects");
    }

    @Override
    public byte[] transactionBcs() {
        return transactionBcs == null ? null : transactionBcs.clone();
    }
}
