package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsException;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** When a transaction stops being valid; all six golden vectors use {@link None}. */
public sealed interface TransactionExpiration {
    /** Never expires, variant 0. */
    TransactionExpiration NONE = new None();

    /** Never expires, variant 0. */
    record None() implements TransactionExpiration {}

    /**
     * Valid up to and including Sui epoch {@code epoch}, variant 1.
     *
     * @param epoch the last epoch, an unsigned 64-bit number
     */
    record Epoch(long epoch) implements TransactionExpiration {}

    /**
     * Valid within epoch and timestamp bounds on one chain, with a nonce for replay protection, variant 2.
     *
     * @param minEpoch the first epoch, if bounded
     * @param maxEpoch the last epoch, if bounded
     * @param minTimestamp the earliest timestamp (ms), if bounded
     * @param maxTimestamp the latest timestamp (ms), if bounded
     * @param chain the chain identifier (genesis checkpoint digest)
     * @param nonce a u32 the sender picks
     */
    record ValidDuring(
            Optional<Long> minEpoch,
            Optional<Long> maxEpoch,
            Optional<Long> minTimestamp,
            Optional<Long> maxTimestamp,
            Digest chain,
            long nonce)
            implements TransactionExpiration {
        public ValidDuring {
            requireBounds(minEpoch, maxEpoch, minTimestamp, maxTimestamp, chain, nonce);
        }
    }

    /**
     * {@link ValidDuring} plus an optional set of allowed block proposers, variant 3.
     *
     * @param minEpoch the first epoch, if bounded
     * @param maxEpoch the last epoch, if bounded
     * @param minTimestamp the earliest timestamp (ms), if bounded
     * @param maxTimestamp the latest timestamp (ms), if bounded
     * @param chain the chain identifier (genesis checkpoint digest)
     * @param nonce a u32 the sender picks
     * @param allowedProposers the validators allowed to propose it, if restricted
     */
    record Validity(
            Optional<Long> minEpoch,
            Optional<Long> maxEpoch,
            Optional<Long> minTimestamp,
            Optional<Long> maxTimestamp,
            Digest chain,
            long nonce,
            Optional<AllowedProposers> allowedProposers)
            implements TransactionExpiration {
        public Validity {
            requireBounds(minEpoch, maxEpoch, minTimestamp, maxTimestamp, chain, nonce);
            Objects.requireNonNull(allowedProposers, "allowedProposers");
        }
    }

    /**
     * Validator indices (u32, non-empty, strictly increasing) allowed to propose a transaction in {@code epoch}.
     *
     * @param epoch the epoch the indices refer to
     * @param proposers the validator indices
     */
    record AllowedProposers(long epoch, List<Long> proposers) {
        public AllowedProposers {
            proposers = List.copyOf(proposers);
            if (proposers.isEmpty()) {
                throw new IllegalArgumentException("allowed proposers must not be empty");
            }
            long previous = -1;
            for (long p : proposers) {
                if (p < 0 || p > 0xFFFF_FFFFL) {
                    throw new IllegalArgumentException("proposer index must fit in u32: " + p);
                }
                if (p <= previous) {
                    throw new IllegalArgumentException("allowed proposers must be strictly increasing");
                }
                previous = p;
            }
        }

        void writeTo(BcsWriter writer) {
            writer.u64(epoch);
            writer.vector(proposers, BcsWriter::u32);
        }

        static AllowedProposers readFrom(BcsReader reader) {
            int start = reader.position();
            long epoch = reader.u64();
            List<Long> proposers = reader.vector(BcsReader::u32);
            try {
                return new AllowedProposers(epoch, proposers);
            } catch (IllegalArgumentException e) {
                throw new BcsException("invalid allowed proposers at offset " + start + ": " + e.getMessage(), e);
            }
        }
    }

    default void writeTo(BcsWriter writer) {
        switch (this) {
            case None n -> writer.variant(0);
            case Epoch e -> writer.variant(1).u64(e.epoch());
            case ValidDuring v -> {
                writer.variant(2);
                writeBounds(writer, v.minEpoch(), v.maxEpoch(), v.minTimestamp(), v.maxTimestamp());
                v.chain().writeTo(writer);
                writer.u32(v.nonce());
            }
            case Validity v -> {
                writer.variant(3);
                writeBounds(writer, v.minEpoch(), v.maxEpoch(), v.minTimestamp(), v.maxTimestamp());
                v.chain().writeTo(writer);
                writer.u32(v.nonce());
                writer.option(v.allowedProposers(), (w, a) -> a.writeTo(w));
            }
        }
    }

    static TransactionExpiration readFrom(BcsReader reader) {
        int variant = reader.variant("TransactionExpiration", 4);
        return switch (variant) {
            case 0 -> NONE;
            case 1 -> new Epoch(reader.u64());
            case 2 -> {
                Optional<Long> minEpoch = reader.option(BcsReader::u64);
                Optional<Long> maxEpoch = reader.option(BcsReader::u64);
                Optional<Long> minTimestamp = reader.option(BcsReader::u64);
                Optional<Long> maxTimestamp = reader.option(BcsReader::u64);
                Digest chain = Digest.readFrom(reader);
                yield new ValidDuring(minEpoch, maxEpoch, minTimestamp, maxTimestamp, chain, reader.u32());
            }
            default -> {
                Optional<Long> minEpoch = reader.option(BcsReader::u64);
                Optional<Long> maxEpoch = reader.option(BcsReader::u64);
                Optional<Long> minTimestamp = reader.option(BcsReader::u64);
                Optional<Long> maxTimestamp = reader.option(BcsReader::u64);
                Digest chain = Digest.readFrom(reader);
                long nonce = reader.u32();
                Optional<AllowedProposers> proposers = reader.option(AllowedProposers::readFrom);
                yield new Validity(minEpoch, maxEpoch, minTimestamp, maxTimestamp, chain, nonce, proposers);
            }
        };
    }

    private static void writeBounds(
            BcsWriter writer,
            Optional<Long> minEpoch,
            Optional<Long> maxEpoch,
            Optional<Long> minTimestamp,
            Optional<Long> maxTimestamp) {
        writer.option(minEpoch, BcsWriter::u64);
        writer.option(maxEpoch, BcsWriter::u64);
        writer.option(minTimestamp, BcsWriter::u64);
        writer.option(maxTimestamp, BcsWriter::u64);
    }

    private static void requireBounds(
            Optional<Long> minEpoch,
            Optional<Long> maxEpoch,
            Optional<Long> minTimestamp,
            Optional<Long> maxTimestamp,
            Digest chain,
            long nonce) {
        Objects.requireNonNull(minEpoch, "minEpoch");
        Objects.requireNonNull(maxEpoch, "maxEpoch");
        Objects.requireNonNull(minTimestamp, "minTimestamp");
        Objects.requireNonNull(maxTimestamp, "maxTimestamp");
        Objects.requireNonNull(chain, "chain");
        if (nonce < 0 || nonce > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("nonce must fit in u32: " + nonce);
        }
    }
}
