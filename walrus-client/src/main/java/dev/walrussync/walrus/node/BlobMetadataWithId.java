package dev.walrussync.walrus.node;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import dev.walrussync.walrus.encoding.BlobId;
import java.util.Objects;

/**
 * The BCS struct {@code BlobMetadataWithId { blob_id: [u8; 32], metadata: BlobMetadata }}, the body of {@code GET
 * /v1/blobs/{id}/metadata}; the blob ID is not checked against the metadata here.
 */
public record BlobMetadataWithId(BlobId blobId, BlobMetadata metadata) {
    public BlobMetadataWithId {
        Objects.requireNonNull(blobId, "blobId");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** The BCS bytes: the 32 blob ID bytes, then the metadata. */
    public byte[] toBcs() {
        BcsWriter out = new BcsWriter();
        out.fixedBytes(blobId.bytes());
        metadata.write(out);
        return out.toByteArray();
    }

    /**
     * Parses BCS bytes.
     *
     * @throws IllegalArgumentException if the bytes are not exactly one well-formed {@code BlobMetadataWithId}
     */
    public static BlobMetadataWithId fromBcs(byte[] bcs) {
        BcsReader in = new BcsReader(bcs);
        BlobId id = BlobId.of(in.fixedBytes(BlobId.LENGTH));
        BlobMetadata metadata = BlobMetadata.read(in);
        in.finish();
        return new BlobMetadataWithId(id, metadata);
    }
}
