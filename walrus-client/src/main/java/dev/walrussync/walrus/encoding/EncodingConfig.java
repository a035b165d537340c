package dev.walrussync.walrus.encoding;

/**
 * RS2 ("RedStuff with Reed-Solomon") parameters for n shards: fault tolerance, source symbol counts, symbol size,
 * sliver sizes, encoded (billed) length and maximum blob size.
 *
 * <p>With {@code f = floor((n - 1) / 3)}, a blob is laid out as a matrix of {@code n - 2f} rows (primary source
 * symbols, the symbols of a secondary sliver) by {@code n - f} columns (secondary source symbols, the symbols of a
 * primary sliver).
 */
public final class EncodingConfig {
    /** The fewest shards RS2 supports. */
    public static final int MIN_SHARDS = 4;
    /** The most shards for which reed-solomon-simd accepts both the row and the column code over GF(2^16). */
    public static final int MAX_SHARDS = 49155;
    /** The largest symbol size: {@code u16::MAX - 1}, the largest even u16. */
    public static final int MAX_SYMBOL_SIZE = 65534;
    /** Symbols of RS2 have an even size (whole GF(2^16) elements). */
    public static final int SYMBOL_ALIGNMENT = 2;
    /** The RS2 encoding type, as written in metadata and hashed into blob IDs. */
    public static final byte ENCODING_TYPE_RS2 = 1;

    private final int nShards;
    private final int maxFaulty;
    private final int primarySourceSymbols;
    private final int secondarySourceSymbols;

    private EncodingConfig(int nShards) {
        this.nShards = nShards;
        this.maxFaulty = (nShards - 1) / 3;
        this.primarySourceSymbols = nShards - 2 * maxFaulty;
        this.secondarySourceSymbols = nShards - maxFaulty;
    }

    /**
     * The configuration for {@code nShards} shards.
     *
     * @throws IllegalArgumentException if {@code nShards} is below {@value #MIN_SHARDS} or above {@value
     *     #MAX_SHARDS}
     */
    public static EncodingConfig forShards(int nShards) {
        if (nShards < MIN_SHARDS || nShards > MAX_SHARDS) {
            throw new IllegalArgumentException(
                    "RS2 needs between " + MIN_SHARDS + " and " + MAX_SHARDS + " shards, got " + nShards);
        }
        return new EncodingConfig(nShards);
    }

    /** The number of shards n (and of sliver pairs). */
    public int nShards() {
        return nShards;
    }

    /** f = floor((n - 1) / 3), the number of faulty shards tolerated. */
    public int maxFaultyShards() {
        return maxFaulty;
    }

    /** n - 2f: rows of the blob matrix, symbols per secondary sliver, primary slivers needed to decode. */
    public int primarySourceSymbols() {
        return primarySourceSymbols;
    }

    /** n - f: columns of the blob matrix, symbols per primary sliver. */
    public int secondarySourceSymbols() {
        return secondarySourceSymbols;
    }

    /** The number of primary slivers needed to decode a blob: n - 2f. */
    public int sliversForReconstruction() {
        return primarySourceSymbols;
    }

    /** The number of source symbols in the blob matrix: (n - 2f)(n - f). */
    public long sourceSymbolCount() {
        return (long) primarySourceSymbols * secondarySourceSymbols;
    }

    /** The largest blob that can be encoded: (n - 2f)(n - f) × 65534 bytes. */
    public long maxBlobSize() {
        return sourceSymbolCount() * MAX_SYMBOL_SIZE;
    }

    /**
     * The symbol size for a blob of the given length: {@code ceil(max(len, 1) / ((n - 2f)(n - f)))} rounded up to
     * an even number.
     *
     * @throws BlobTooLargeException if the blob is longer than {@link #maxBlobSize()}
     * @throws IllegalArgumentException if the length is negative
     */
    public int symbolSize(long unencodedLength) {
        if (unencodedLength < 0) {
            throw new IllegalArgumentException("negative blob length " + unencodedLength);
        }
        if (unencodedLength > maxBlobSize()) {
            throw new BlobTooLargeException(unencodedLength, maxBlobSize(), nShards);
        }
        long symbols = sourceSymbolCount();
        long size = (Math.max(unencodedLength, 1) + symbols - 1) / symbols;
        return (int) ((size + SYMBOL_ALIGNMENT - 1) / SYMBOL_ALIGNMENT * SYMBOL_ALIGNMENT);
    }

    /** Bytes in one primary sliver: (n - f) × symbol size. */
    public long primarySliverSize(long unencodedLength) {
        return (long) secondarySourceSymbols * symbolSize(unencodedLength);
    }

    /** Bytes in one secondary sliver: (n - 2f) × symbol size. */
    public long secondarySliverSize(long unencodedLength) {
        return (long) primarySourceSymbols * symbolSize(unencodedLength);
    }

    /** Bytes of metadata every shard stores: 2 × 32 × n sliver hashes plus a 32-byte blob ID. */
    public long metadataLength() {
        return 2L * MerkleTree.DIGEST_LENGTH * nShards + BlobId.LENGTH;
    }

    /** Bytes of all slivers of all shards: n × ((n - 2f) + (n - f)) × symbol size. */
    public long encodedSliversLength(long unencodedLength) {
        return (long) nShards * (primarySourceSymbols + secondarySourceSymbols) * symbolSize(unencodedLength);
    }

    /**
     * The encoded (billed) length of a blob: {@code n × (2·32·n + 32) + n × ((n - 2f) + (n - f)) × symbolSize}.
     *
     * @throws BlobTooLargeException if the blob is longer than {@link #maxBlobSize()}
     */
    public long encodedLength(long unencodedLength) {
        return nShards * metadataLength() + encodedSliversLength(unencodedLength);
    }

    /** The index of the sliver of the given type that belongs to sliver pair {@code pairIndex}. */
    public int sliverIndex(SliverType type, int pairIndex) {
        checkIndex(pairIndex);
        return type == SliverType.PRIMARY ? pairIndex : nShards - 1 - pairIndex;
    }

    /** The sliver pair that holds the sliver of the given type and index. */
    public int pairIndex(SliverType type, int sliverIndex) {
        checkIndex(sliverIndex);
        return type == SliverType.PRIMARY ? sliverIndex : nShards - 1 - sliverIndex;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= nShards) {
            throw new IndexOutOfBoundsException("index " + index + " out of range for " + nShards + " shards");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodingConfig other && other.nShards == nShards;
    }

    @Override
    public int hashCode() {
        return nShards;
    }

    @Override
    public String toString() {
        return "EncodingConfig[n=" + nShards + ", f=" + maxFaulty + ", rows=" + primarySourceSymbols + ", cols="
                + secondarySourceSymbols + "]";
    }
}
