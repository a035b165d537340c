package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.Digest;
import java.util.Objects;

/**
 * A Sui event ID: the emitting transaction and the event's index in it. Walrus writes it as {@code {"txDigest":
 * "<base58>", "eventSeq": "<decimal string>"}}.
 *
 * @param txDigest the transaction digest
 * @param eventSeq the event's index within the transaction
 */
public record EventId(Digest txDigest, long eventSeq) {
    public EventId {
        Objects.requireNonNull(txDigest, "txDigest");
    }

    /** The digest in Base58. */
    public String txDigestBase58() {
        return txDigest.toString();
    }

    /** The sequence number as the decimal string Walrus uses. */
    public String eventSeqString() {
        return Long.toString(eventSeq);
    }
}
