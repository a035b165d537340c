package dev.walrussync.walrus.encoding;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RS2 blob metadata: the unencoded length and the hashes of every sliver pair (in pair order), from which the
 * Merkle root and the blob ID follow.
 *
 * <p>BCS form ({@code BlobMetadata}, the PUT metadata body): {@code enum { V1 { encoding_type: u8 enum (RS2 = 1),
 * unencoded_length: u64, hashes: vector<{ primary: MerkleNode, secondary: MerkleNode }> } }} where {@code
 * MerkleNode = enum { Empty, Digest([u8; 32]) }}.
 */
public final class BlobMetadata {
    private static final int VARIANT_V1 = 0;
    private static final int MERKLE_NODE_EMPTY = 0;
    private static final int MERKLE_NODE_DIGEST = 1;

    private final long unencodedLength;
    private final List<SliverPairMetadata> hashes;
    private volatile byte[] rootHash;
    private volatile BlobId blobId;

    private BlobMetadata(long unencodedLength, List<SliverPairMetadata> hashes) {
        if (unencodedLength < 0) {
            throw new IllegalArgumentException("negative unencoded length " + unencodedLength);
        }
        this.unencodedLength = unencodedLength;
        this.hashes = List.copyOf(hashes);
    }

    /** Metadata for a blob of {@code unencodedLength} bytes with one entry per sliver pair. */
    public static BlobMetadata of(long unencodedLength, List<SliverPairMetadata> hashes) {
        Objects.requireNonNull(hashes, "hashes");
        return new BlobMetadata(unencodedLength, hashes);
    }

    /**
     * Parses the BCS form ({@code BlobMetadata}).
     *
     * @throws IllegalArgumentException if the bytes are malformed, use another encoding type than RS2 or contain
     *     an empty Merkle node
     */
    public static BlobMetadata fromBcs(byte[] bcs) {
        BcsReader in = new BcsReader(bcs);
        BlobMetadata metadata = read(in);
        in.finish();
        return metadata;
    }

    /**
     * Parses the BCS form of {@code BlobMetadataWithId} (the GET metadata body) and checks that the metadata hashes
     * to the blob ID it carries.
     *
     * @throws IllegalArgumentException if the bytes are malformed or the blob ID does not match
     */
    public static BlobMetadata fromBcsWithBlobId(byte[] bcs) {
        BcsReader in = new BcsReader(bcs);
        BlobId claimed = BlobId.of(in.fixedBytes(BlobId.LENGTH));
        BlobMetadata metadata = read(in);
        in.finish();
        if (!metadata.blobId().equals(claimed)) {
            throw new IllegalArgumentException(
                    "metadata hashes to blob ID " + metadata.blobId() + ", not to " + claimed);
        }
        return metadata;
    }

    private static BlobMetadata read(BcsReader in) {
        int variant = in.length();
        if (variant != VARIANT_V1) {
            throw new IllegalArgumentException("unknown blob metadata version " + variant);
        }
        int encodingType = in.u8();
        if (encodingType != EncodingConfig.ENCODING_TYPE_RS2) {
            throw new IllegalArgumentException("unsupported encoding type " + encodingType + " (only RS2 = 1)");
        }
        long length = in.u64();
        int count = in.length();
        if (count > EncodingConfig.MAX_SHARDS) {
            throw new IllegalArgumentException("too many sliver pairs: " + count);
        }
        List<SliverPairMetadata> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] primary = readNode(in);
            byte[] secondary = readNode(in);
            hashes.add(SliverPairMetadata.wrap(primary, secondary));
        }
        return new BlobMetadata(length, hashes);
    }

    private static byte[] readNode(BcsReader in) {
        int variant = in.length();
        if (variant == MERKLE_NODE_EMPTY) {
            throw new IllegalArgumentException("empty Merkle node in blob metadata");
        }
        if (variant != MERKLE_NODE_DIGEST) {
            throw new IllegalArgumentException("unknown Merkle node variant " + variant);
        }
        return in.fixedBytes(MerkleTree.DIGEST_LENGTH);
    }

    /** The BCS form of {@code BlobMetadata}. */
    public byte[] toBcs() {
        BcsWriter out = new BcsWriter();
        write(out);
        return out.toByteArray();
    }

    /** The BCS form of {@code BlobMetadataWithId}: the blob ID's 32 bytes, then {@link #toBcs()}. */
    public byte[] toBcsWithBlobId() {
        BcsWriter out = new BcsWriter();
        out.fixedBytes(blobId().rawBytes());
        write(out);
        return out.toByteArray();
    }

    private void write(BcsWriter out) {
        out.uleb128(VARIANT_V1)
                .u8(EncodingConfig.ENCODING_TYPE_RS2)
                .u64(unencodedLength)
                .uleb128(hashes.size());
        for (SliverPairMetadata pair : hashes) {
            out.uleb128(MERKLE_NODE_DIGEST).fixedBytes(pair.rawHash(SliverType.PRIMARY));
            out.uleb128(MERKLE_NODE_DIGEST).fixedBytes(pair.rawHash(SliverType.SECONDARY));
        }
    }

    public long unencodedLength() {
        return unencodedLength;
    }

    /** One entry per sliver pair, in pair order. */
    public List<SliverPairMetadata> hashes() {
        return hashes;
    }

    /** The number of shards, which is the number of sliver pairs. */
    public int nShards() {
        return hashes.size();
    }

    /** The Merkle root over the leaves {@code primary_hash_i ‖ secondary_hash_i}. */
    public byte[] rootHash() {
        byte[] root = rootHash;
        if (root == null) {
            List<byte[]> leaves = new ArrayList<>(hashes.size());
            for (SliverPairMetadata pair : hashes) {
                leaves.add(pair.leafInput());
            }
            root = MerkleTree.root(leaves);
            rootHash = root;
        }
        return root.clone();
    }

    /** The blob ID derived from the unencoded length and the root hash. */
    public BlobId blobId() {
        BlobId id = blobId;
        if (id == null) {
            id = BlobId.derive(unencodedLength, rootHash());
            blobId = id;
        }
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlobMetadata other
                && other.unencodedLength == unencodedLength
                && other.hashes.equals(hashes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(unencodedLength) * 31 + hashes.hashCode();
    }

    @Override
    public String toString() {
        return "BlobMetadata[RS2, " + unencodedLength + " B, " + hashes.size() + " pairs, " + blobId() + "]";
    }
}
