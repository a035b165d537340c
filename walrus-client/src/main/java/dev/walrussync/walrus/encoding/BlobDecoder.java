package dev.walrussync.walrus.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decodes an RS2 blob from any n - 2f of its primary slivers or any n - f of its secondary slivers and checks the
 * result against the blob's metadata; also verifies single slivers against the metadata.
 *
 * <p>From primary slivers, each column of the blob matrix is decoded with the primary code (n - 2f source symbols);
 * from secondary slivers, each row is decoded with the secondary code (n - f source symbols), as walrus-core's
 * {@code BlobDecoder} does for either axis.
 *
 * <p>Memory: besides the given slivers, decoding allocates the source rows it does not receive (at most one blob's
 * worth, plus padding), the returned blob and small per-block buffers. Instances are stateless and thread-safe.
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
    public byte[] decode(BlobId blobId, BlobMetadata metadata, Collection<Sliver> slivers, ConsistencyCheck check)
            throws InconsistentBlobException {
        Objects.requireNonNull(blobId, "blobId");
        if (!metadata.blobId().equals(blobId)) {
            throw new InconsistentBlobException("metadata hashes to blob ID " + metadata.blobId() + ", not " + blobId);
        }
        return decode(metadata, slivers, check);
    }

    /** Decodes with the {@link ConsistencyCheck#DEFAULT default} check. */
    public byte[] decode(BlobMetadata metadata, Collection<Sliver> slivers) throws InconsistentBlobException {
        return decode(metadata, slivers, ConsistencyCheck.DEFAULT);
    }

    /**
     * Decodes the blob from at least n - 2f distinct primary slivers or at least n - f distinct secondary slivers
     * (n = the number of sliver pairs in the metadata); all slivers must have the same type. Source slivers
     * (primary slivers below n - 2f, secondary slivers below n - f) are used first; extra slivers are ignored.
     *
     * @throws IllegalArgumentException if there are too few distinct slivers, both types are given, or a sliver
     *     has the wrong index, symbol size or length for this blob
     * @throws InconsistentBlobException if the decoded blob fails the consistency check
     */
    public byte[] decode(BlobMetadata metadata, Collection<Sliver> slivers, ConsistencyCheck check)
            throws InconsistentBlobException {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(slivers, "slivers");
        Objects.requireNonNull(check, "check");
        EncodingConfig config = EncodingConfig.forShards(metadata.nShards());
        long length = metadata.unencodedLength();
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a blob of " + length + " bytes does not fit in a Java array");
        }
        int symbolSize = config.symbolSize(length);
        Rs2Matrix m = new Rs2Matrix(config, symbolSize, parallel);
        if (slivers.isEmpty()) {
            throw new IllegalArgumentException(
                    "need " + m.rows + " primary or " + m.cols + " secondary slivers to decode, got none");
        }
        SliverType type = slivers.iterator().next().type();
        int needed = type == SliverType.PRIMARY ? m.rows : m.cols;

        Sliver[] byIndex = new Sliver[m.n];
        for (Sliver sliver : slivers) {
            if (sliver.type() != type) {
                throw new IllegalArgumentException(
                        "decode from primary or from secondary slivers, not both; got " + sliver + " after " + type);
            }
            checkShape(m, sliver, type);
            if (byIndex[sliver.index()] != null) {
                throw new IllegalArgumentException(type + " sliver " + sliver.index() + " given twice");
            }
            byIndex[sliver.index()] = sliver;
        }
        List<Sliver> chosen = new ArrayList<>(needed);
        for (int i = 0; i < m.n && chosen.size() < needed; i++) {
            if (byIndex[i] != null) {
                chosen.add(byIndex[i]);
            }
        }
        if (chosen.size() < needed) {
            throw new IllegalArgumentException("need " + needed + " distinct "
                    + type.name().toLowerCase(Locale.ROOT) + " slivers to decode, got " + chosen.size());
        }

        byte[][] sourceRows = type == SliverType.PRIMARY
                ? sourceRowsFromPrimary(m, byIndex, chosen)
                : sourceRowsFromSecondary(m, chosen);

        if (check == ConsistencyCheck.DEFAULT) {
            checkSourceRows(m, metadata, sourceRows);
        }
        byte[] blob = new byte[(int) length];
        int rowBytes = m.cols * symbolSize;
        for (int r = 0; r < m.rows; r++) {
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

    /** The n - 2f source rows from n - 2f primary slivers: given rows as they are, the others decoded by column. */
    private static byte[][] sourceRowsFromPrimary(Rs2Matrix m, Sliver[] byIndex, List<Sliver> chosen) {
        byte[][] sourceRows = new byte[m.rows][];
        boolean[] missing = new boolean[m.rows];
        boolean anyMissing = false;
        for (int r = 0; r < m.rows; r++) {
            if (byIndex[r] != null) {
                sourceRows[r] = byIndex[r].rawData();
            } else {
                sourceRows[r] = new byte[m.cols * m.symbolSize];
                missing[r] = true;
                anyMissing = true;
            }
        }
        if (!anyMissing) {
            return sourceRows;
        }
        int s = m.symbolSize;
        decodeAcross(m, m.columnCode, chosen, m.cols, (r, c, elements, off) -> {
            if (missing[r]) {
                SymbolLayout.fromElements(elements, off, s, sourceRows[r], c * s);
            }
        });
        return sourceRows;
    }

    /**
     * The n - 2f source rows from n - f secondary slivers (columns): symbol (r, c) is symbol r of secondary
     * sliver c, so rows are copied when the slivers are secondary slivers 0..n-f-1 and decoded row by row
     * otherwise.
     */
    private static byte[][] sourceRowsFromSecondary(Rs2Matrix m, List<Sliver> chosen) {
        int s = m.symbolSize;
        byte[][] sourceRows = new byte[m.rows][m.cols * s];
        if (chosen.get(chosen.size() - 1).index() == m.cols - 1) {
            // Chosen in index order, so these are exactly the source columns 0..n-f-1.
            for (int c = 0; c < m.cols; c++) {
                byte[] data = chosen.get(c).rawData();
                for (int r = 0; r < m.rows; r++) {
                    System.arraycopy(data, r * s, sourceRows[r], c * s, s);
                }
            }
            return sourceRows;
        }
        decodeAcross(m, m.rowCode, chosen, m.rows, (c, r, elements, off) -> {
            SymbolLayout.fromElements(elements, off, s, sourceRows[r], c * s);
        });
        return sourceRows;
    }

    /** Receives source symbol {@code q} of the codeword at symbol position {@code p}, as elements at {@code off}. */
    @FunctionalInterface
    private interface DecodedSymbol {
        void put(int q, int p, char[] elements, int off);
    }

    /**
     * For every symbol position p of the chosen slivers (0 to {@code positions} - 1), decodes the codeword of
     * {@code code} formed by their symbols p, the slivers' indices being the codeword positions; works in blocks
     * of positions and hands each decoded source symbol to {@code out}.
     */
    private static void decodeAcross(
            Rs2Matrix m, ReedSolomon code, List<Sliver> chosen, int positions, DecodedSymbol out) {
        int[] indices = chosen.stream().mapToInt(Sliver::index).toArray();
        ReedSolomon.Decoder decoder = code.decoder(indices);
        int s = m.symbolSize;
        int e = m.elements;
        m.forEachBlock(positions, (from, to) -> {
            char[][] received = new char[indices.length][(to - from) * e];
            for (int i = 0; i < indices.length; i++) {
                byte[] data = chosen.get(i).rawData();
                for (int p = from; p < to; p++) {
                    SymbolLayout.toElements(data, p * s, s, received[i], (p - from) * e);
                }
            }
            char[][] source = decoder.decode(received);
            for (int q = 0; q < source.length; q++) {
                for (int p = from; p < to; p++) {
                    out.put(q, p, source[q], (p - from) * e);
                }
            }
        });
    }

    private static void checkSourceRows(Rs2Matrix m, BlobMetadata metadata, byte[][] sourceRows)
            throws InconsistentBlobException {
        boolean[] bad = new boolean[m.rows];
        m.forEachBlock(m.rows, (from, to) -> {
            byte[][] repair = m.expandRows(sourceRows, from, to);
            Blake2b256 hasher = new Blake2b256();
            byte[] level = new byte[m.n * MerkleTree.DIGEST_LENGTH];
            for (int r = from; r < to; r++) {
                byte[] hash = m.primaryHash(sourceRows[r], repair[r - from], hasher, level);
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
        byte[] hash = m.sliverHash(sliver.type(), sliver.rawData());
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
