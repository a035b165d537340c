package dev.walrussync.walrus.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.SliverType;
import org.junit.jupiter.api.Test;

/** The route builders produce the storage-node REST paths. */
class StorageNodeRoutesTest {
    private static final BlobId ID = BlobId.parse("iIWkkUTzPZx-d1E_A7LqUynnYFD-ztk39_tP8MLdS2Y");

    @Test
    void pathsUseTheTextBlobIdPairIndexAndLowerCaseSliverType() {
        assertThat(StorageNodeRoutes.metadata(ID)).isEqualTo("/v1/blobs/" + ID + "/metadata");
        assertThat(StorageNodeRoutes.metadataStatus(ID)).isEqualTo("/v1/blobs/" + ID + "/metadata/status");
        assertThat(StorageNodeRoutes.sliver(ID, 12, SliverType.SECONDARY))
                .isEqualTo("/v1/blobs/" + ID + "/slivers/12/secondary");
        assertThat(StorageNodeRoutes.sliverStatus(ID, 0, SliverType.PRIMARY))
                .isEqualTo("/v1/blobs/" + ID + "/slivers/0/primary/status");
        assertThat(StorageNodeRoutes.permanentConfirmation(ID))
                .isEqualTo("/v1/blobs/" + ID + "/confirmation/permanent");
        assertThat(StorageNodeRoutes.blobStatus(ID)).isEqualTo("/v1/blobs/" + ID + "/status");
        byte[] objectId = new byte[32];
        objectId[31] = 1;
        assertThat(StorageNodeRoutes.deletableConfirmation(ID, objectId))
                .isEqualTo("/v1/blobs/" + ID + "/confirmation/deletable/0x" + "0".repeat(63) + "1");
    }

    @Test
    void sliverTypeSegmentsAreOnlyPrimaryAndSecondary() {
        assertThat(StorageNodeRoutes.parseSliverType("primary")).isEqualTo(SliverType.PRIMARY);
        assertThat(StorageNodeRoutes.parseSliverType("secondary")).isEqualTo(SliverType.SECONDARY);
        assertThatThrownBy(() -> StorageNodeRoutes.parseSliverType("Primary"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
