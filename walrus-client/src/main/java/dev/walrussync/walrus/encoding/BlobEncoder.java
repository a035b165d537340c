package dev.walrussync.walrus.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Encodes a blob with RS2 into primary and secondary slivers and computes its metadata and blob ID, with the same
 * result as Walrus's own encoder.
 *
 * <p>The blob is laid out row-major in an (n - 2f) × (n - f) matrix of symbols (zero padded). Every column is
 * expanded to n symbols (primary sliver i is row i of the result), then every one of the n rows is expanded to n
 * symbols to hash it; secondary sliver j is column j of the row-expanded source rows. Work is split into blocks of
 * columns or rows that run on the common fork-join pool. Besides the returned {@link EncodedBlob} (about (n / (n -
 * 2f) + f / (n - f)) times the blob size), it allocates 32 × n × n bytes of leaf hashes and small per-block
 * buffers. Instances are stateless and thread-safe.
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
     * Encodes {@code blob} for {@code nShards} shards.
     *
     * @throws BlobTooLargeException if the blob is longer than the maximum for {@code nShards}
     * @throws IllegalArgumentException if {@code nShards} is not supported
     */
    public EncodedBlob encode(byte[] blob, int nShards) {
        Objects.requireNonNull(blob, "blob");
        EncodingConfig config = EncodingConfig.forShards(nShards);
        int symbolSize = config.symbolSize(blob.length);
        Rs2Matrix m = new Rs2Matrix(config, symbolSize, parallel);
        int n = m.n;
        int rows = m.rows;
        int cols = m.cols;
        int f = n - cols;
        int rowBytes = cols * symbolSize;

        byte[][] primary = new byte[n][rowBytes];
        for (int r = 0; r < rows; r++) {
            long start = (long) r * rowBytes;
            if (start < blob.length) {
                System.arraycopy(blob, (int) start, primary[r], 0, (int) Math.min(rowBytes, blob.length - start));
            }
        }
        m.expandColumns(primary);

        // Expand all n rows: primary hashes, the extension of the source rows (secondary slivers cols..n-1) and,
        // transposed, the leaf hashes of every column: symbol (i, j) is leaf j of primary sliver i and leaf i of
        // secondary sliver j, so each symbol is hashed once.
        byte[][] primaryHashes = new byte[n][];
        byte[][] rowRecovery = new byte[rows][];
        byte[][] columnLeaves = new byte[n][n * MerkleTree.DIGEST_LENGTH];
        m.forEachBlock(n, (from, to) -> {
            byte[][] recovery = m.expandRows(primary, from, to);
            Blake2b256 hasher = new Blake2b256();
            byte[] level = new byte[n * MerkleTree.DIGEST_LENGTH];
            for (int i = from; i < to; i++) {
                byte[] ext = recovery[i - from];
                m.leafHashes(primary[i], ext, hasher, level);
                for (int j = 0; j < n; j++) {
                    System.arraycopy(
                            level,
                            j * MerkleTree.DIGEST_LENGTH,
                            columnLeaves[j],
                            i * MerkleTree.DIGEST_LENGTH,
                            MerkleTree.DIGEST_LENGTH);
                }
                primaryHashes[i] = MerkleTree.reduce(level, n, hasher);
                if (i < rows) {
                    rowRecovery[i] = ext;
                }
            }
        });

        byte[][] secondaryHashes = new byte[n][];
        m.forEachBlock(n, (from, to) -> {
            Blake2b256 hasher = new Blake2b256();
            for (int j = from; j < to; j++) {
                secondaryHashes[j] = MerkleTree.reduce(columnLeaves[j], n, hasher);
            }
        });

        List<SliverPairMetadata> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pairs.add(SliverPairMetadata.wrap(primaryHashes[i], secondaryHashes[n - 1 - i]));
        }
        BlobMetadata metadata = BlobMetadata.of(blob.length, pairs);
        return new EncodedBlob(config, symbolSize, primary, rowRecovery, metadata);
    }

    /** The metadata of {@code blob} for {@code nShards} shards (encodes it and drops the slivers). */
    public BlobMetadata computeMetadata(byte[] blob, int nShards) {
        return encode(blob, nShards).metadata();
    }

    /** The blob ID of {@code blob} for {@code nShards} shards. */
    public BlobId blobId(byte[] blob, int nShards) {
        return computeMetadata(blob, nShards).blobId();
    }
}
