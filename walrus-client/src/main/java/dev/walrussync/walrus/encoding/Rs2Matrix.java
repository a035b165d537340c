package dev.walrussync.walrus.encoding;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The RS2 computations on the blob matrix shared by the encoder and the decoder: expanding columns and rows with
 * the two Reed-Solomon codes and hashing expanded slivers, in blocks processed in parallel.
 */
final class Rs2Matrix {
    /** Target length, in GF(2^16) elements, of the vectors one Reed-Solomon call works on. */
    private static final int TARGET_ELEMENTS = 4096;

    final EncodingConfig config;
    final int n;
    final int rows;
    final int cols;
    final int symbolSize;
    final int elements;
    /** Expands a column of {@code rows} source symbols to n symbols (primary encoding). */
    final ReedSolomon columnCode;
    /** Expands a row of {@code cols} source symbols to n symbols (secondary encoding). */
    final ReedSolomon rowCode;

    private final boolean parallel;

    Rs2Matrix(EncodingConfig config, int symbolSize, boolean parallel) {
        this.config = config;
        this.n = config.nShards();
        this.rows = config.primarySourceSymbols();
        this.cols = config.secondarySourceSymbols();
        this.symbolSize = symbolSize;
        this.elements = symbolSize / 2;
        this.columnCode = new ReedSolomon(rows, n);
        this.rowCode = new ReedSolomon(cols, n);
        this.parallel = parallel;
    }

    /** Work on the items {@code from} (inclusive) to {@code to} (exclusive) of a range. */
    @FunctionalInterface
    interface BlockTask {
        void run(int from, int to);
    }

    /** The block size {@link #forEachBlock(int, BlockTask)} uses: one block's vectors hold about 4096 elements. */
    int blockSize(int count) {
        int size = Math.max(1, TARGET_ELEMENTS / elements);
        return Math.min(size, Math.max(1, (count + 7) / 8));
    }

    /** The largest power of two not above {@link #blockSize(int)}. */
    int alignedBlockSize(int count) {
        return Integer.highestOneBit(blockSize(count));
    }

    /** Runs {@code task} over blocks of [0, count) sized so one block's vectors hold about 4096 elements. */
    void forEachBlock(int count, BlockTask task) {
        forEachBlock(count, blockSize(count), task);
    }

    /** Runs {@code task} over the blocks {@code [b × blockSize, min(count, (b + 1) × blockSize))}. */
    void forEachBlock(int count, int blockSize, BlockTask task) {
        int blocks = (count + blockSize - 1) / blockSize;
        IntStream range = IntStream.range(0, blocks);
        if (parallel && blocks > 1) {
            range = range.parallel();
        }
        range.forEach(b -> task.run(b * blockSize, Math.min(count, (b + 1) * blockSize)));
    }

    /**
     * Expands rows {@code from..to-1} of the matrix (each {@code cols} symbols) to n symbols; returns, per row, the
     * {@code n - cols} repair symbols concatenated.
     */
    byte[][] expandRows(byte[][] matrix, int from, int to) {
        int len = (to - from) * elements;
        char[][] source = new char[cols][len];
        for (int c = 0; c < cols; c++) {
            for (int i = from; i < to; i++) {
                SymbolLayout.toElements(matrix[i], c * symbolSize, symbolSize, source[c], (i - from) * elements);
            }
        }
        char[][] repair = rowCode.encodeElements(source, true);
        byte[][] out = new byte[to - from][(n - cols) * symbolSize];
        for (int j = 0; j < repair.length; j++) {
            for (int i = from; i < to; i++) {
                SymbolLayout.fromElements(repair[j], (i - from) * elements, symbolSize, out[i - from], j * symbolSize);
            }
        }
        return out;
    }

    /** Merkle root of a primary sliver given its {@code cols} symbols and its {@code n - cols} repair symbols. */
    byte[] primaryHash(byte[] row, byte[] rowRepair, Blake2b256 hasher, byte[] level) {
        leafHashes(row, rowRepair, hasher, level);
        return MerkleTree.reduce(level, n, hasher);
    }

    /** Writes the n leaf hashes of a primary sliver (its symbols, then its repair symbols) into {@code level}. */
    void leafHashes(byte[] row, byte[] rowRepair, Blake2b256 hasher, byte[] level) {
        int s = symbolSize;
        for (int c = 0; c < cols; c++) {
            hasher.hash(MerkleTree.LEAF_PREFIX, row, c * s, s, level, c * MerkleTree.DIGEST_LENGTH);
        }
        for (int j = 0; j < n - cols; j++) {
            hasher.hash(MerkleTree.LEAF_PREFIX, rowRepair, j * s, s, level, (cols + j) * MerkleTree.DIGEST_LENGTH);
        }
    }

    /**
     * Expands a sliver of the given type along its axis ({@code cols} symbols of a primary sliver with the secondary
     * code, {@code rows} symbols of a secondary sliver with the primary code) and returns the n symbols,
     * concatenated.
     */
    byte[] expand(SliverType type, byte[] data) {
        int k = type == SliverType.PRIMARY ? cols : rows;
        ReedSolomon code = type == SliverType.PRIMARY ? rowCode : columnCode;
        char[][] source = new char[k][elements];
        for (int i = 0; i < k; i++) {
            SymbolLayout.toElements(data, i * symbolSize, symbolSize, source[i], 0);
        }
        char[][] repair = code.encodeElements(source, true);
        byte[] out = Arrays.copyOf(data, n * symbolSize);
        for (int j = 0; j < repair.length; j++) {
            SymbolLayout.fromElements(repair[j], 0, symbolSize, out, (k + j) * symbolSize);
        }
        return out;
    }

    /** The n Merkle leaf hashes of n concatenated symbols. */
    byte[] leafHashes(byte[] symbols, Blake2b256 hasher) {
        byte[] level = new byte[n * MerkleTree.DIGEST_LENGTH];
        for (int i = 0; i < n; i++) {
            hasher.hash(
                    MerkleTree.LEAF_PREFIX, symbols, i * symbolSize, symbolSize, level, i * MerkleTree.DIGEST_LENGTH);
        }
        return level;
    }

    /** The hash of a sliver: the Merkle root over its n expanded symbols. */
    byte[] sliverHash(SliverType type, byte[] data) {
        Blake2b256 hasher = new Blake2b256();
        return MerkleTree.reduce(leafHashes(expand(type, data), hasher), n, hasher);
    }
}
