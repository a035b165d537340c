package dev.walrussync.walrus.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Decodes an RS2 blob from any n - 2f of its primary slivers and checks the result against the blob's metadata; also
 * verifies single slivers against the metadata.
 *
 * <p>Memory: besides the given slivers, decoding allocates the missing source rows (at most one blob's worth, plus
 * padding), the returned blob and small per-block buffers. Instances are stateless and thread-safe.
 */
public final class BlobDecoder {
    private final boolean parallel;

    /** A decoder that uses the common fork-join pool. */
    public BlobDecoder() {
        this(true);
    }

    /** A decoder that runs in parallel on the common fork-join pool or, if {@code parallel} is false, inline. */
    public BlobDecoder(boolean parallel) {
        this.parallel = parallel;
    }

    /**
     * Checks that {@code metadata} hashes to {@code blobId}, then decodes as {@link #decode(BlobMetadata,
     * Collection, ConsistencyCheck)} does.
     */
    public byte[] decode(
            BlobId blobId, BlobMetadata metadata, Collection<Sliver> primarySlivers, ConsistencyCheck check)
            throws InconsistentBlobException {
        Objects.requireNonNull(blobId, "blobId");
        if (!metadata.blobId().equals(blobId)) {
            throw new InconsistentBlobException("metadata hashes to blob ID " + metadata.blobId() + ", not " + blobId);
        }
        return decode(metadata, primarySlivers, check);
    }

    /** Decodes with the {@link ConsistencyCheck#DEFAULT default} check. */
    public byte[] decode(BlobMetadata metadata, Collection<Sliver> primarySlivers) throws InconsistentBlobException {
        return decode(metadata, primarySlivers, ConsistencyCheck.DEFAULT);
    }

    /**
     * Decodes the blob from at least n - 2f distinct primary slivers (n = the number of sliver pairs in the
     * metadata). Source slivers (indices below n - 2f) are used first; extra slivers are ignored.
     *
     * @throws IllegalArgumentException if there are too few distinct primary slivers, or one has the wrong type,
     *     index, symbol size or length for this blob
     * @throws InconsistentBlobException if the decoded blob fails the consistency check
     */
    public byte[] decode(BlobMetadata metadata, Collection<Sliver> primarySlivers, ConsistencyCheck check)
            throws InconsistentBlobException {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(primarySlivers, "primarySlivers");
        Objects.requireNonNull(check, "check");
        EncodingConfig config = EncodingConfig.forShards(metadata.nShards());
        long length = metadata.unencodedLength();
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a blob of " + length + " bytes does not fit in a Java array");
        }
        int symbolSize = config.symbolSize(length);
        Rs2Matrix m = new Rs2Matrix(config, symbolSize, parallel);
        int rows = m.rows;

        Sliver[] byIndex = new Sliver[m.n];
        for (Sliver sliver : primarySlivers) {
            checkShape(m, sliver, SliverType.PRIMARY);
            if (byIndex[sliver.index()] != null) {
                throw new IllegalArgumentException("primary sliver " + sliver.index() + " given twice");
            }
            byIndex[sliver.index()] = sliver;
        }
        List<Sliver> chosen = new ArrayList<>(rows);
        for (int i = 0; i < m.n && chosen.size() < rows; i++) {
            if (byIndex[i] != null) {
                chosen.add(byIndex[i]);
            }
        }
        if (chosen.size() < rows) {
            throw new IllegalArgumentException(
                    "need " + rows + " distinct primary slivers to decode, got " + chosen.size());
        }

        byte[][] sourceRows = new byte[rows][];
        boolean[] missing = new boolean[rows];
        boolean anyMissing = false;
        for (int r = 0; r < rows; r++) {
            if (byIndex[r] != null) {
                sourceRows[r] = byIndex[r].rawData();
            } else {
                sourceRows[r] = new byte[m.cols * symbolSize];
                missing[r] = true;
                anyMissing = true;
            }
        }
        if (anyMissing) {
            recoverRows(m, chosen, sourceRows, missing);
        }

        if (check == ConsistencyCheck.DEFAULT) {
            checkSourceRows(m, metadata, sourceRows);
        }
        byte[] blob = new byte[(int) length];
        int rowBytes = m.cols * symbolSize;
        for (int r = 0; r < rows; r++) {
            long start = (long) r * rowBytes;
            if (start < length) {
                System.arraycopy(sourceRows[r], 0, blob, (int) start, (int) Math.min(rowBytes, length - start));
            }
        }
        if (check == ConsistencyCheck.STRICT) {
            BlobMetadata recomputed = new BlobEncoder(parallel).computeMetadata(blob, config.nShards());
            if (!recomputed.equals(metadata)) {
                throw new InconsistentBlobException("re-encoding the decoded blob gives blob ID " + recomputed.blobId()
                        + ", not " + metadata.blobId());
            }
        }
        return blob;
    }

    private static void recoverRows(Rs2Matrix m, List<Sliver> chosen, byte[][] sourceRows, boolean[] missing) {
        int[] indices = chosen.stream().mapToInt(Sliver::index).toArray();
        ReedSolomon.Decoder decoder = m.columnCode.decoder(indices);
        int s = m.symbolSize;
        int e = m.elements;
        m.forEachBlock(m.cols, (from, to) -> {
            char[][] received = new char[indices.length][(to - from) * e];
            for (int i = 0; i < indices.length; i++) {
                byte[] data = chosen.get(i).rawData();
                for (int c = from; c < to; c++) {
                    SymbolLayout.toElements(data, c * s, s, received[i], (c - from) * e);
                }
            }
            char[][] source = decoder.decode(received);
            for (int r = 0; r < source.length; r++) {
                if (missing[r]) {
                    for (int c = from; c < to; c++) {
                        SymbolLayout.fromElements(source[r], (c - from) * e, s, sourceRows[r], c * s);
                    }
                }
            }
        });
    }

    private static void checkSourceRows(Rs2Matrix m, BlobMetadata metadata, byte[][] sourceRows)
            throws InconsistentBlobException {
        boolean[] bad = new boolean[m.rows];
        m.forEachBlock(m.rows, (from, to) -> {
            byte[][] recovery = m.expandRows(sourceRows, from, to);
            Blake2b256 hasher = new Blake2b256();
            byte[] level = new byte[m.n * MerkleTree.DIGEST_LENGTH];
            for (int r = from; r < to; r++) {
                byte[] hash = m.primaryHash(sourceRows[r], recovery[r - from], hasher, level);
                bad[r] = !Arrays.equals(hash, metadata.hashes().get(r).rawHash(SliverType.PRIMARY));
            }
        });
        for (int r = 0; r < m.rows; r++) {
            if (bad[r]) {
                throw new InconsistentBlobException("decoded primary sliver " + r + " does not match the metadata");
            }
        }
    }

    /**
     * Whether {@code sliver} is the sliver the metadata commits to: expands it along its axis and compares its
     * Merkle root with the hash of its sliver pair.
     *
     * @throws IllegalArgumentException if the sliver's index, symbol size or length does not fit the blob
     */
    public boolean verifySliver(BlobMetadata metadata, Sliver sliver) {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(sliver, "sliver");
        EncodingConfig config = EncodingConfig.forShards(metadata.nShards());
        Rs2Matrix m = new Rs2Matrix(config, config.symbolSize(metadata.unencodedLength()), false);
        checkShape(m, sliver, sliver.type());
        byte[] hash = sliver.type() == SliverType.PRIMARY
                ? m.primaryHash(sliver.rawData())
                : m.secondaryHash(sliver.rawData());
        int pair = config.pairIndex(sliver.type(), sliver.index());
        return Arrays.equals(hash, metadata.hashes().get(pair).rawHash(sliver.type()));
    }

    private static void checkShape(Rs2Matrix m, Sliver sliver, SliverType expectedType) {
        if (sliver.type() != expectedType) {
            throw new IllegalArgumentException("expected a " + expectedType + " sliver, got " + sliver);
        }
        if (sliver.index() >= m.n) {
            throw new IllegalArgumentException(
                    "sliver index " + sliver.index() + " out of range for " + m.n + " shards");
        }
        int symbols = sliver.type() == SliverType.PRIMARY ? m.cols : m.rows;
        if (sliver.symbolSize() != m.symbolSize || sliver.length() != symbols * m.symbolSize) {
            throw new IllegalArgumentException(
                    "expected " + symbols + " symbols of " + m.symbolSize + " bytes, got " + sliver);
        }
    }
}
