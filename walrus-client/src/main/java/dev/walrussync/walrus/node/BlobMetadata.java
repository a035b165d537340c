package dev.walrussync.walrus.node;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The BCS enum {@code BlobMetadata { V1(BlobMetadataV1) }} (the body of {@code PUT /v1/blobs/{id}/metadata}), with
 * {@code BlobMetadataV1 = { encoding_type: EncodingType, unencoded_length: u64, hashes:
 * vector<SliverPairMetadata> }} and one entry of {@code hashes} per sliver pair, in pair order.
 *
 * <p>This is the raw wire form: it is not checked against a blob ID. Use {@link EncodingConversions#toEncoding} to
 * validate it and derive the blob ID.
 */
public record BlobMetadata(EncodingType encodingType, long unencodedLength, List<SliverPairMetadata> hashes) {
    private static final int VARIANT_V1 = 0;
    /** More sliver pairs than this cannot occur (shard indexes are u16). */
    private static final int MAX_PAIRS = 0xFFFF + 1;

    public BlobMetadata {
        Objects.requireNonNull(encodingType, "encodingType");
        hashes = List.copyOf(hashes);
    }

    /** The number of sliver pairs, which is the number of shards. */
    public int nShards() {
        return hashes.size();
    }

    /** The BCS bytes. */
    public byte[] toBcs() {
        BcsWriter out = new BcsWriter();
        write(out);
        return out.toByteArray();
    }

    /**
     * Parses BCS bytes.
     *
     * @throws IllegalArgumentException if the bytes are not exactly one well-formed {@code BlobMetadata}
     */
    public static BlobMetadata fromBcs(byte[] bcs) {
        BcsReader in = new BcsReader(bcs);
        BlobMetadata metadata = read(in);
        in.finish();
        return metadata;
    }

    void write(BcsWriter out) {
        out.uleb128(VARIANT_V1)
                .uleb128(encodingType.variant())
                .u64(unencodedLength)
                .uleb128(hashes.size());
        for (SliverPairMetadata pair : hashes) {
            pair.write(out);
        }
    }

    static BlobMetadata read(BcsReader in) {
        int version = (int) in.uleb128();
        if (version != VARIANT_V1) {
            throw new IllegalArgumentException("unknown blob metadata version " + version);
        }
        EncodingType type = EncodingType.ofVariant((int) in.uleb128());
        long length = in.u64();
        int count = in.length();
        if (count > MAX_PAIRS) {
            throw new IllegalArgumentException("too many sliver pairs in blob metadata: " + count);
        }
        List<SliverPairMetadata> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hashes.add(SliverPairMetadata.read(in));
        }
        return new BlobMetadata(type, length, hashes);
    }

    @Override
    public String toString() {
        return "BlobMetadata[V1, " + encodingType + ", " + Long.toUnsignedString(unencodedLength) + " B, "
                + hashes.size() + " pairs]";
    }
}
