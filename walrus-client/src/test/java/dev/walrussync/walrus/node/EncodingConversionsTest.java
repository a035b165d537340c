package dev.walrussync.walrus.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.walrus.encoding.BlobEncoder;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.EncodedBlob;
import dev.walrussync.walrus.encoding.Sliver;
import dev.walrussync.walrus.encoding.SliverType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Conversions between the wire types and the encoding package keep bytes identical and apply the node checks. */
class EncodingConversionsTest {
    private static EncodedBlob encoded;

    @BeforeAll
    static void encode() {
        byte[] blob = new byte[3000];
        new Random(1).nextBytes(blob);
        encoded = new BlobEncoder(false).encode(blob, 7);
    }

    @Test
    void wireMetadataHasTheSameBcsAsTheEncodingPackageAndConvertsBack() {
        BlobMetadata wire = EncodingConversions.toWire(encoded.metadata());

        assertThat(wire.toBcs()).isEqualTo(encoded.metadata().toBcs());
        assertThat(EncodingConversions.toEncoding(wire)).isEqualTo(encoded.metadata());
        assertThat(EncodingConversions.toWireWithId(encoded.metadata()).toBcs())
                .isEqualTo(encoded.metadata().toBcsWithBlobId());
    }

    @Test
    void wireSliversHaveTheSameBcsAsTheEncodingPackageAndTakeTheirTypeFromTheRoute() {
        for (SliverType type : SliverType.values()) {
            Sliver sliver = encoded.sliver(type, 3);
            SliverData wire = EncodingConversions.toWire(sliver);

            assertThat(wire.toBcs()).isEqualTo(sliver.toBcs());
            assertThat(EncodingConversions.toEncoding(wire, type)).isEqualTo(sliver);
        }
    }

    @Test
    void metadataWithIdMustHashToTheBlobIdItCarries() {
        BlobMetadataWithId good = EncodingConversions.toWireWithId(encoded.metadata());
        assertThat(EncodingConversions.toEncoding(good).blobId()).isEqualTo(encoded.blobId());

        BlobMetadataWithId wrongId = new BlobMetadataWithId(BlobId.of(new byte[32]), good.metadata());
        assertThatThrownBy(() -> EncodingConversions.toEncoding(wrongId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hashes to blob ID " + encoded.blobId());
    }

    @Test
    void metadataWithRaptorQOrEmptyNodesIsRejected() {
        BlobMetadata wire = EncodingConversions.toWire(encoded.metadata());
        BlobMetadata raptorQ = new BlobMetadata(EncodingType.RED_STUFF_RAPTORQ, wire.unencodedLength(), wire.hashes());
        assertThatThrownBy(() -> EncodingConversions.toEncoding(raptorQ))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encoding type");

        List<SliverPairMetadata> hashes = new ArrayList<>(wire.hashes());
        hashes.set(2, new SliverPairMetadata(hashes.get(2).primaryHash(), MerkleNode.empty()));
        BlobMetadata withEmpty = new BlobMetadata(EncodingType.RS2, wire.unencodedLength(), hashes);
        assertThatThrownBy(() -> EncodingConversions.toEncoding(withEmpty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sliver pair 2");
    }
}
