package dev.walrussync.walrus.node;

import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.SliverType;
import java.util.Objects;

/** The paths of the storage-node REST API and builders for concrete request paths. */
public final class StorageNodeRoutes {
    /** GET and PUT blob metadata (BCS). */
    public static final String METADATA = "/v1/blobs/{blob_id}/metadata";
    /** GET whether the metadata is stored. */
    public static final String METADATA_STATUS = "/v1/blobs/{blob_id}/metadata/status";
    /** GET and PUT a sliver (BCS). */
    public static final String SLIVER = "/v1/blobs/{blob_id}/slivers/{sliver_pair_index}/{sliver_type}";
    /** GET whether a sliver is stored. */
    public static final String SLIVER_STATUS = "/v1/blobs/{blob_id}/slivers/{sliver_pair_index}/{sliver_type}/status";
    /** GET a storage confirmation for a permanent blob. */
    public static final String PERMANENT_CONFIRMATION = "/v1/blobs/{blob_id}/confirmation/permanent";
    /** GET a storage confirmation for a deletable blob. */
    public static final String DELETABLE_CONFIRMATION = "/v1/blobs/{blob_id}/confirmation/deletable/{object_id}";
    /** GET the blob's lifecycle status. */
    public static final String BLOB_STATUS = "/v1/blobs/{blob_id}/status";
    /** GET the node's health; {@code ?detailed=true} adds per-shard detail. */
    public static final String HEALTH = "/v1/health";
    /** GET the API documentation. */
    public static final String API_DOCS = "/v1/api";

    private StorageNodeRoutes() {}

    public static String metadata(BlobId blobId) {
        return "/v1/blobs/" + blobId + "/metadata";
    }

    public static String metadataStatus(BlobId blobId) {
        return metadata(blobId) + "/status";
    }

    /** The sliver route for a sliver pair index (not a sliver index) and type. */
    public static String sliver(BlobId blobId, int pairIndex, SliverType type) {
        return "/v1/blobs/" + blobId + "/slivers/" + pairIndex + "/" + sliverTypeSegment(type);
    }

    public static String sliverStatus(BlobId blobId, int pairIndex, SliverType type) {
        return sliver(blobId, pairIndex, type) + "/status";
    }

    public static String permanentConfirmation(BlobId blobId) {
        return "/v1/blobs/" + blobId + "/confirmation/permanent";
    }

    /** The deletable confirmation route for a 32-byte object ID (written as 0x-prefixed hex). */
    public static String deletableConfirmation(BlobId blobId, byte[] objectId) {
        return "/v1/blobs/" + blobId + "/confirmation/deletable/"
                + ((BlobPersistenceType.Deletable) BlobPersistenceType.deletable(objectId)).objectIdHex();
    }

    public static String blobStatus(BlobId blobId) {
        return "/v1/blobs/" + blobId + "/status";
    }

    /** The path segment of a sliver type: {@code primary} or {@code secondary}. */
    public static String sliverTypeSegment(SliverType type) {
        return Objects.requireNonNull(type, "type") == SliverType.PRIMARY ? "primary" : "secondary";
    }

    /**
     * Parses a sliver type path segment.
     *
     * @throws IllegalArgumentException unless it is {@code primary} or {@code secondary}
     */
    public static SliverType parseSliverType(String segment) {
        return switch (segment) {
            case "primary" -> SliverType.PRIMARY;
            case "secondary" -> SliverType.SECONDARY;
            default -> throw new IllegalArgumentException("unknown sliver type " + segment);
        };
    }
}
