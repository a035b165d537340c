package dev.walrussync.walrus.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Encodes a blob with RS2 into primary and secondary slivers and computes its metadata and blob ID, with the same
 * result as Walrus's own encoder.
 *
 * <p>The blob is laid out row-major in an (n - 2f) × (n - f) matrix of symbols (zero padded), which is expanded to
 * n × n symbols: primary sliver i is the first n - f symbols of row i, secondary sliver j the first n - 2f symbols
 * of column j, and each sliver's hash is the Merkle root over its whole expanded row or column. The encoder first
 * expands the n - 2f source rows to n symbols each (the secondary encoding), then streams over blocks of the n
 * columns: it expands each column to n symbols (the primary encoding), hashes every symbol once as a Merkle leaf,
 * finishes the column's secondary hash and folds the block's leaves of each row into one node of that row's tree.
 * Only the symbols that are part of slivers are kept; the rest of the n × n matrix exists one block at a time.
 *
 * <p>Memory: the returned {@link EncodedBlob} keeps the blob itself (not copied) plus the slivers' other symbols,
 * about {@code (2f / (n - 2f) + f / (n - f))} times the blob size (2.5 times for n = 3f + 1);
 * {@link #computeMetadata} keeps only the source rows' expansion, {@code f / (n - f)} times the blob size, while it
 * runs. Blocks work on the common fork-join pool with a few MiB each. Instances are stateless and thread-safe.
 */
public final class BlobEncoder {
    private final boolean parallel;

    /** An encoder that uses the common fork-join pool. */
    public BlobEncoder() {
        this(true);
    }

    /** An encoder that runs in parallel on the common fork-join pool or, if {@code parallel} is false, inline. */
    public BlobEncoder(boolean parallel) {
        this.parallel = parallel;
    }

    /**
     * Encodes {@code blob} for {@code nShards} shards. The result refers to {@code blob} for the source symbols
     * instead of copying it, so the caller must not modify {@code blob} while it uses the result.
     *
     * @throws BlobTooLargeException if the blob is longer than the maximum for {@code nShards}
     * @throws IllegalArgumentException if {@code nShards} is not supported
     */
    public EncodedBlob encode(byte[] blob, int nShards) {
        return encode(blob, nShards, true);
    }

    /** The metadata of {@code blob} for {@code nShards} shards, computed without keeping the slivers. */
    public BlobMetadata computeMetadata(byte[] blob, int nShards) {
        return encode(blob, nShards, false).metadata();
    }

    /** The blob ID of {@code blob} for {@code nShards} shards. */
    public BlobId blobId(byte[] blob, int nShards) {
        return computeMetadata(blob, nShards).blobId();
    }

    private EncodedBlob encode(byte[] blob, int nShards, boolean keepSlivers) {
        Objects.requireNonNull(blob, "blob");
        EncodingConfig config = EncodingConfig.forShards(nShards);
        int symbolSize = config.symbolSize(blob.length);
        Rs2Matrix m = new Rs2Matrix(config, symbolSize, parallel);
        int n = m.n;
        int rows = m.rows;
        SourceSymbols source = new SourceSymbols(blob, m.cols, symbolSize);

        byte[][] rowRepair = expandSourceRows(m, source);
        byte[][] primaryRepair = keepSlivers ? new byte[n - rows][source.rowBytes()] : null;

        // Stream over aligned blocks of columns; each primary sliver's tree gets one node per block. There are
        // at least two blocks (a block holds at most ceil(n / 8) < n columns), as MerkleTree.reduceLevels needs.
        int blockSize = m.alignedBlockSize(n);
        int blocks = (n + blockSize - 1) / blockSize;
        int blockLevels = Integer.numberOfTrailingZeros(blockSize);
        byte[][] rowNodes = new byte[n][blocks * MerkleTree.DIGEST_LENGTH];
        byte[][] secondaryHashes = new byte[n][];
        m.forEachBlock(n, blockSize, (from, to) -> {
            byte[] leaves = expandAndHashColumns(m, source, rowRepair, primaryRepair, from, to);
            Blake2b256 hasher = new Blake2b256();
            int width = to - from;
            byte[] rowLevel = new byte[width * MerkleTree.DIGEST_LENGTH];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < width; c++) {
                    System.arraycopy(
                            leaves,
                            (c * n + i) * MerkleTree.DIGEST_LENGTH,
                            rowLevel,
                            c * MerkleTree.DIGEST_LENGTH,
                            MerkleTree.DIGEST_LENGTH);
                }
                MerkleTree.reduceLevels(rowLevel, width, blockLevels, hasher);
                System.arraycopy(
                        rowLevel,
                        0,
                        rowNodes[i],
                        (from / blockSize) * MerkleTree.DIGEST_LENGTH,
                        MerkleTree.DIGEST_LENGTH);
            }
            for (int c = 0; c < width; c++) {
                secondaryHashes[from + c] = MerkleTree.reduce(leaves, c * n * MerkleTree.DIGEST_LENGTH, n, hasher);
            }
        });

        byte[][] primaryHashes = new byte[n][];
        m.forEachBlock(n, (from, to) -> {
            Blake2b256 hasher = new Blake2b256();
            for (int i = from; i < to; i++) {
                primaryHashes[i] = MerkleTree.reduce(rowNodes[i], blocks, hasher);
            }
        });

        List<SliverPairMetadata> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pairs.add(SliverPairMetadata.wrap(primaryHashes[i], secondaryHashes[n - 1 - i]));
        }
        BlobMetadata metadata = BlobMetadata.of(blob.length, pairs);
        return new EncodedBlob(config, symbolSize, source, primaryRepair, rowRepair, metadata);
    }

    /** Expands the n - 2f source rows to n symbols each; returns each row's f repair symbols, concatenated. */
    private static byte[][] expandSourceRows(Rs2Matrix m, SourceSymbols source) {
        int s = m.symbolSize;
        int e = m.elements;
        int f = m.n - m.cols;
        byte[][] rowRepair = new byte[m.rows][];
        m.forEachBlock(m.rows, (from, to) -> {
            char[][] elements = new char[m.cols][(to - from) * e];
            byte[] scratch = new byte[s];
            for (int c = 0; c < m.cols; c++) {
                for (int r = from; r < to; r++) {
                    source.toElements(r, c, elements[c], (r - from) * e, scratch);
                }
            }
            char[][] repair = m.rowCode.encodeElements(elements, true);
            for (int r = from; r < to; r++) {
                byte[] out = new byte[f * s];
                for (int j = 0; j < f; j++) {
                    SymbolLayout.fromElements(repair[j], (r - from) * e, s, out, j * s);
                }
                rowRepair[r] = out;
            }
        });
        return rowRepair;
    }

    /**
     * Expands columns {@code from..to-1} to n symbols each from the source rows and their expansion, writes the
     * symbols that belong to primary slivers n-2f..n-1 into {@code primaryRepair} (if not null), and returns the
     * Merkle leaf hash of every symbol, column by column (leaf i of column c at {@code (c × n + i) × 32}).
     */
    private static byte[] expandAndHashColumns(
            Rs2Matrix m, SourceSymbols source, byte[][] rowRepair, byte[][] primaryRepair, int from, int to) {
        int n = m.n;
        int rows = m.rows;
        int cols = m.cols;
        int s = m.symbolSize;
        int e = m.elements;
        byte[] scratch = new byte[s];
        char[][] elements = new char[rows][(to - from) * e];
        for (int r = 0; r < rows; r++) {
            for (int j = from; j < to; j++) {
                int off = (j - from) * e;
                if (j < cols) {
                    source.toElements(r, j, elements[r], off, scratch);
                } else {
                    SymbolLayout.toElements(rowRepair[r], (j - cols) * s, s, elements[r], off);
                }
            }
        }
        char[][] repair = m.columnCode.encodeElements(elements, true);

        Blake2b256 hasher = new Blake2b256();
        byte[] leaves = new byte[(to - from) * n * MerkleTree.DIGEST_LENGTH];
        for (int j = from; j < to; j++) {
            int base = (j - from) * n * MerkleTree.DIGEST_LENGTH;
            for (int r = 0; r < rows; r++) {
                int out = base + r * MerkleTree.DIGEST_LENGTH;
                if (j < cols) {
                    source.leafHash(r, j, hasher, leaves, out, scratch);
                } else {
                    hasher.hash(MerkleTree.LEAF_PREFIX, rowRepair[r], (j - cols) * s, s, leaves, out);
                }
            }
            for (int i = rows; i < n; i++) {
                byte[] symbol = scratch;
                int off = 0;
                if (primaryRepair != null && j < cols) {
                    symbol = primaryRepair[i - rows];
                    off = j * s;
                }
                SymbolLayout.fromElements(repair[i - rows], (j - from) * e, s, symbol, off);
                hasher.hash(MerkleTree.LEAF_PREFIX, symbol, off, s, leaves, base + i * MerkleTree.DIGEST_LENGTH);
            }
        }
        return leaves;
    }
}
