package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsException;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A complete unsigned Sui transaction, {@code TransactionData::V1} with a programmable-transaction kind: exactly
 * the bytes that are hashed, signed and sent.
 *
 * @param transaction the inputs and commands
 * @param sender the sender
 * @param gasData the gas payment, owner, price and budget
 * @param expiration when the transaction expires
 */
public record TransactionData(
        ProgrammableTransaction transaction, SuiAddress sender, GasData gasData, TransactionExpiration expiration) {
    private static final byte[] DIGEST_PREFIX = "TransactionData::".getBytes(StandardCharsets.US_ASCII);

    public TransactionData {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(gasData, "gasData");
        Objects.requireNonNull(expiration, "expiration");
    }

    /** Returns the BCS bytes: {@code 00} (V1), {@code 00} (ProgrammableTransaction), then the fields in order. */
    public byte[] toBcs() {
        BcsWriter writer = new BcsWriter();
        writer.variant(0); // TransactionData::V1
        writer.variant(0); // TransactionKind::ProgrammableTransaction
        transaction.writeTo(writer);
        sender.writeTo(writer);
        gasData.writeTo(writer);
        expiration.writeTo(writer);
        return writer.toByteArray();
    }

    /** Returns the BCS bytes in standard Base64, the form GraphQL's {@code transactionDataBcs} takes. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(toBcs());
    }

    /**
     * Decodes BCS bytes strictly: only V1 with a programmable-transaction kind, canonical encodings, no trailing
     * bytes. For every accepted input, {@code fromBcs(bytes).toBcs()} equals {@code bytes}.
     *
     * @throws BcsException when the bytes are not such a transaction
     */
    public static TransactionData fromBcs(byte[] bytes) {
        return BcsReader.decode(bytes, TransactionData::readFrom);
    }

    public static TransactionData readFrom(BcsReader reader) {
        int start = reader.position();
        long version = reader.uleb128();
        if (version != 0) {
            throw new BcsException(
                    "unknown TransactionData variant " + version + " at offset " + start + " (only V1 = 0 exists)");
        }
        int kindOffset = reader.position();
        long kind = reader.uleb128();
        if (kind != 0) {
            throw new BcsException("unsupported TransactionKind variant " + kind + " at offset " + kindOffset
                    + ": only ProgrammableTransaction (0) is supported; other kinds are system transactions");
        }
        ProgrammableTransaction transaction = ProgrammableTransaction.readFrom(reader);
        SuiAddress sender = SuiAddress.readFrom(reader);
        GasData gasData = GasData.readFrom(reader);
        return new TransactionData(transaction, sender, gasData, TransactionExpiration.readFrom(reader));
    }

    /** Returns the transaction digest: Blake2b-256 of {@code "TransactionData::"} and the BCS bytes. */
    public Digest digest() {
        return digestOf(toBcs());
    }

    /** Returns the digest of already-encoded transaction bytes. */
    public static Digest digestOf(byte[] txBytes) {
        return Digest.fromBytes(Blake2b256.hash(DIGEST_PREFIX, txBytes));
    }

    /** Returns the intent message {@code 00 00 00 || bcs}. */
    public byte[] intentMessage() {
        return Intent.TRANSACTION_DATA.message(toBcs());
    }

    /** Returns Blake2b-256 of the intent message, the 32 bytes that get signed. */
    public byte[] signingDigest() {
        return Intent.TRANSACTION_DATA.signingDigest(toBcs());
    }
}
