package dev.walrussync.walrus.encoding;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One symbol that helps a storage node rebuild a lost sliver, with the proof that it is genuine (walrus-core's
 * {@code RecoverySymbol}).
 *
 * <p>Every symbol of the expanded n × n matrix lies on one row and one column: symbol (i, j) is symbol j of the
 * expanded primary sliver i and symbol i of the expanded secondary sliver j. So the holder of secondary sliver j
 * can give the node rebuilding primary sliver i the symbol (i, j), computed by expanding its own sliver, and prove
 * it with the Merkle path from leaf i to the root of its expanded sliver, which the metadata holds as secondary
 * sliver j's hash. Conversely for secondary slivers. A symbol is identified by its target (the type and index of
 * the sliver to rebuild; the leaf index) and its source (the index of the sliver of the other type it comes from;
 * its position in the target's code). Immutable.
 */
public final class RecoverySymbol {
    private final SliverType targetType;
    private final int targetIndex;
    private final int sourceIndex;
    private final byte[] data;
    private final MerkleProof proof;

    private RecoverySymbol(SliverType targetType, int targetIndex, int sourceIndex, byte[] data, MerkleProof proof) {
        this.targetType = Objects.requireNonNull(targetType, "targetType");
        this.proof = Objects.requireNonNull(proof, "proof");
        if (targetIndex < 0 || targetIndex > 0xFFFF || sourceIndex < 0 || sourceIndex > 0xFFFF) {
            throw new IllegalArgumentException(
                    "sliver indices are u16, got target " + targetIndex + " and source " + sourceIndex);
        }
        this.targetIndex = targetIndex;
        this.sourceIndex = sourceIndex;
        this.data = data;
    }

    /**
     * A symbol for rebuilding sliver {@code targetIndex} of type {@code targetType}, taken from sliver {@code
     * sourceIndex} of the other type; {@code data} is copied.
     */
    public static RecoverySymbol of(
            SliverType targetType, int targetIndex, int sourceIndex, byte[] data, MerkleProof proof) {
        return new RecoverySymbol(targetType, targetIndex, sourceIndex, data.clone(), proof);
    }

    static RecoverySymbol wrap(
            SliverType targetType, int targetIndex, int sourceIndex, byte[] data, MerkleProof proof) {
        return new RecoverySymbol(targetType, targetIndex, sourceIndex, data, proof);
    }

    /** The type of the sliver this symbol helps rebuild. */
    public SliverType targetType() {
        return targetType;
    }

    /** The index of the sliver this symbol helps rebuild; the symbol's leaf index in its source's tree. */
    public int targetIndex() {
        return targetIndex;
    }

    /** The type of the sliver the symbol comes from: the other type. */
    public SliverType sourceType() {
        return targetType == SliverType.PRIMARY ? SliverType.SECONDARY : SliverType.PRIMARY;
    }

    /** The index of the sliver the symbol comes from; its position in the target sliver's expansion. */
    public int sourceIndex() {
        return sourceIndex;
    }

    /** A copy of the symbol. */
    public byte[] data() {
        return data.clone();
    }

    public MerkleProof proof() {
        return proof;
    }

    byte[] rawData() {
        return data;
    }

    /**
     * Whether this symbol is genuine for the blob: its indices are in range, it has the blob's symbol size, and its
     * proof leads from it, as leaf {@link #targetIndex()}, to the hash the metadata holds for its source sliver.
     */
    public boolean verifies(BlobMetadata metadata) {
        return problem(metadata) == null;
    }

    /** Why this symbol is not genuine for the blob, or null if it is. */
    String problem(BlobMetadata metadata) {
        Objects.requireNonNull(metadata, "metadata");
        EncodingConfig config = EncodingConfig.forShards(metadata.nShards());
        int n = config.nShards();
        if (targetIndex >= n || sourceIndex >= n) {
            return "index out of range for " + n + " shards";
        }
        int symbolSize = config.symbolSize(metadata.unencodedLength());
        if (data.length != symbolSize) {
            return data.length + " bytes instead of the blob's symbol size " + symbolSize;
        }
        byte[] root = metadata.hashes()
                .get(config.pairIndex(sourceType(), sourceIndex))
                .rawHash(sourceType());
        if (!proof.verifies(root, n, data, targetIndex)) {
            return "its Merkle proof does not lead to the metadata's hash of "
                    + sourceType().name().toLowerCase(Locale.ROOT) + " sliver " + sourceIndex;
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecoverySymbol other
                && other.targetType == targetType
                && other.targetIndex == targetIndex
                && other.sourceIndex == sourceIndex
                && Arrays.equals(other.data, data)
                && other.proof.equals(proof);
    }

    @Override
    public int hashCode() {
        return Objects.hash(targetType, targetIndex, sourceIndex, proof) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RecoverySymbol[for " + targetType + " " + targetIndex + ", from " + sourceType() + " " + sourceIndex
                + ", " + data.length + " B]";
    }
}
