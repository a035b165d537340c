package dev.walrussync.walrus.encoding;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;

/**
 * The RS2 encoding of one blob: its n primary and n secondary slivers, its metadata (sliver pair hashes), Merkle
 * root and blob ID.
 *
 * <p>It keeps the blob itself (the source symbols, not copied), the primary slivers n-2f..n-1 and the f repair
 * symbols of each source row, about {@code (n - 2f) (n - f) + 2f (n - f) + (n - 2f) f} symbols. A sliver is
 * assembled from them when it is requested.
 */
public final class EncodedBlob {
    private final EncodingConfig config;
    private final int symbolSize;
    /** The blob as the source rows. */
    private final SourceSymbols source;
    /** Primary slivers n-2f..n-1 (rows n-2f..n-1 of the expanded matrix, n - f symbols each). */
    private final byte[][] primaryRepair;
    /** The n - 2f source rows' f repair symbols. */
    private final byte[][] rowRepair;

    private final BlobMetadata metadata;

    EncodedBlob(
            EncodingConfig config,
            int symbolSize,
            SourceSymbols source,
            byte[][] primaryRepair,
            byte[][] rowRepair,
            BlobMetadata metadata) {
        this.config = config;
        this.symbolSize = symbolSize;
        this.source = source;
        this.primaryRepair = primaryRepair;
        this.rowRepair = rowRepair;
        this.metadata = metadata;
    }

    public EncodingConfig config() {
        return config;
    }

    public int nShards() {
        return config.nShards();
    }

    public long unencodedLength() {
        return metadata.unencodedLength();
    }

    public int symbolSize() {
        return symbolSize;
    }

    public BlobMetadata metadata() {
        return metadata;
    }

    public byte[] rootHash() {
        return metadata.rootHash();
    }

    public BlobId blobId() {
        return metadata.blobId();
    }

    /** Primary sliver {@code index} (row {@code index} of the expanded matrix, n - f symbols). */
    public Sliver primarySliver(int index) {
        Objects.checkIndex(index, nShards());
        int rows = config.primarySourceSymbols();
        byte[] data = index < rows ? source.row(index) : primaryRepair[index - rows];
        return Sliver.wrap(SliverType.PRIMARY, index, symbolSize, data);
    }

    /** Secondary sliver {@code index} (column {@code index} of the row-expanded source rows, n - 2f symbols). */
    public Sliver secondarySliver(int index) {
        Objects.checkIndex(index, nShards());
        int rows = config.primarySourceSymbols();
        int cols = config.secondarySourceSymbols();
        byte[] data = new byte[rows * symbolSize];
        for (int r = 0; r < rows; r++) {
            if (index < cols) {
                source.copy(r, index, data, r * symbolSize);
            } else {
                System.arraycopy(rowRepair[r], (index - cols) * symbolSize, data, r * symbolSize, symbolSize);
            }
        }
        return Sliver.wrap(SliverType.SECONDARY, index, symbolSize, data);
    }

    /** The sliver of the given type and index. */
    public Sliver sliver(SliverType type, int index) {
        return type == SliverType.PRIMARY ? primarySliver(index) : secondarySliver(index);
    }

    /** Sliver pair {@code pairIndex}: primary sliver {@code pairIndex} and secondary sliver {@code n - 1 - pairIndex}. */
    public SliverPair sliverPair(int pairIndex) {
        return new SliverPair(
                pairIndex,
                primarySliver(config.sliverIndex(SliverType.PRIMARY, pairIndex)),
                secondarySliver(config.sliverIndex(SliverType.SECONDARY, pairIndex)));
    }

    /** All primary slivers by index (an unmodifiable view that assembles each sliver when it is read). */
    public List<Sliver> primarySlivers() {
        return listOf(SliverType.PRIMARY);
    }

    /** All secondary slivers by index (an unmodifiable view that assembles each sliver when it is read). */
    public List<Sliver> secondarySlivers() {
        return listOf(SliverType.SECONDARY);
    }

    private List<Sliver> listOf(SliverType type) {
        return new AbstractList<>() {
            @Override
            public Sliver get(int index) {
                return sliver(type, index);
            }

            @Override
            public int size() {
                return nShards();
            }
        };
    }

    @Override
    public String toString() {
        return "EncodedBlob[" + metadata + ", symbol size " + symbolSize + "]";
    }
}
