package dev.walrussync.walrus.encoding;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;

/**
 * The RS2 encoding of one blob: its n primary and n secondary slivers, its metadata (sliver pair hashes), Merkle
 * root and blob ID.
 *
 * <p>Primary slivers are kept as computed; a secondary sliver is assembled on request from the source rows and
 * their expansion, so holding an encoded blob costs about {@code (n (n - f) + (n - 2f) f) × symbolSize} bytes.
 */
public final class EncodedBlob {
    private final EncodingConfig config;
    private final int symbolSize;
    /** n rows of n - f symbols: the column-expanded matrix. */
    private final byte[][] primary;
    /** The n - 2f source rows' f extension symbols. */
    private final byte[][] rowRecovery;

    private final BlobMetadata metadata;

    EncodedBlob(EncodingConfig config, int symbolSize, byte[][] primary, byte[][] rowRecovery, BlobMetadata metadata) {
        this.config = config;
        this.symbolSize = symbolSize;
        this.primary = primary;
        this.rowRecovery = rowRecovery;
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
        return Sliver.wrap(SliverType.PRIMARY, index, symbolSize, primary[index]);
    }

    /** Secondary sliver {@code index} (column {@code index} of the row-expanded source rows, n - 2f symbols). */
    public Sliver secondarySliver(int index) {
        Objects.checkIndex(index, nShards());
        int rows = config.primarySourceSymbols();
        int cols = config.secondarySourceSymbols();
        byte[] data = new byte[rows * symbolSize];
        for (int r = 0; r < rows; r++) {
            if (index < cols) {
                System.arraycopy(primary[r], index * symbolSize, data, r * symbolSize, symbolSize);
            } else {
                System.arraycopy(rowRecovery[r], (index - cols) * symbolSize, data, r * symbolSize, symbolSize);
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

    /** All primary slivers by index (an unmodifiable view). */
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
