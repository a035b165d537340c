package dev.walrussync.walrus.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.SliverType;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire codecs read and rewrite, byte for byte, the metadata and slivers of the official Walrus encoder. */
class ReferenceVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static JsonNode vector(String name) throws IOException {
        try (InputStream in = ReferenceVectorsTest.class.getResourceAsStream("/walrus-encoding/vectors/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty_n10.json", "one_byte_n10.json", "hello_walrus_n10.json"})
    void referenceMetadataRoundTripsAndHashesToTheReferenceBlobId(String name) throws Exception {
        JsonNode v = vector(name);
        byte[] bcs = HEX.parseHex(v.get("metadata_bcs_hex").asText());

        BlobMetadata metadata = BlobMetadata.fromBcs(bcs);

        assertThat(metadata.toBcs()).isEqualTo(bcs);
        assertThat(metadata.encodingType()).isEqualTo(EncodingType.RS2);
        assertThat(metadata.nShards()).isEqualTo(v.get("n_shards").asInt());
        assertThat(metadata.unencodedLength())
                .isEqualTo(v.get("unencoded_length").asLong());
        BlobId blobId = EncodingConversions.toEncoding(metadata).blobId();
        assertThat(blobId).hasToString(v.get("blob_id").asText());
        BlobMetadataWithId withId = new BlobMetadataWithId(blobId, metadata);
        assertThat(sha256(withId.toBcs()))
                .isEqualTo(v.get("metadata_with_id_bcs_sha256").asText());
        assertThat(EncodingConversions.toEncoding(BlobMetadataWithId.fromBcs(withId.toBcs())))
                .isEqualTo(EncodingConversions.toEncoding(metadata));
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty_n10.json", "one_byte_n10.json", "hello_walrus_n10.json"})
    void referenceSliversRoundTripAndCarryTheirPairsSliverIndexes(String name) throws Exception {
        JsonNode v = vector(name);
        int n = v.get("n_shards").asInt();
        for (SliverType type : SliverType.values()) {
            JsonNode slivers = v.get(type == SliverType.PRIMARY ? "primary_slivers_bcs" : "secondary_slivers_bcs");
            assertThat(slivers.size()).isEqualTo(n);
            for (int pair = 0; pair < n; pair++) {
                byte[] bcs = HEX.parseHex(slivers.get(pair).asText());
                SliverData sliver = SliverData.fromBcs(bcs);
                assertThat(sliver.toBcs()).isEqualTo(bcs);
                assertThat(sliver.index()).isEqualTo(type == SliverType.PRIMARY ? pair : n - 1 - pair);
                assertThat(sliver.symbolSize()).isEqualTo(v.get("symbol_size").asInt());
                assertThat(EncodingConversions.toEncoding(sliver, type).toBcs()).isEqualTo(bcs);
            }
        }
    }
}
