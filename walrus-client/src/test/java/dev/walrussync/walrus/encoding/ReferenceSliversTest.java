package dev.walrussync.walrus.encoding;

import static dev.walrussync.walrus.encoding.ReferenceData.HEX;
import static dev.walrussync.walrus.encoding.ReferenceData.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds the reference encoder's own slivers and sliver hashes through our sliver parsing, Merkle trees, metadata and
 * blob-ID code; nothing here depends on our Reed-Solomon arithmetic.
 */
class ReferenceSliversTest {

    static Stream<Arguments> vectors() {
        return ReferenceData.vectors();
    }

    static Stream<Arguments> vectorsWithInlineSlivers() {
        return ReferenceData.vectorsWithInlineSlivers();
    }

    static Stream<Arguments> expectedCases() {
        return ReferenceData.expectedCases();
    }

    private static BlobMetadata referenceMetadata(JsonNode v) {
        List<SliverPairMetadata> pairs = new ArrayList<>();
        for (JsonNode pair : v.get("sliver_pair_hashes")) {
            pairs.add(SliverPairMetadata.of(hex(pair.get(0)), hex(pair.get(1))));
        }
        return BlobMetadata.of(v.get("unencoded_length").asLong(), pairs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rootAndBlobIdFromReferenceSliverHashesMatchTheReference(String label, JsonNode v) {
        BlobMetadata metadata = referenceMetadata(v);

        assertThat(HEX.formatHex(metadata.rootHash()))
                .isEqualTo(v.get("root_hash_hex").asText());
        assertThat(metadata.blobId().toString()).isEqualTo(v.get("blob_id").asText());
        assertThat(metadata.blobId().hex()).isEqualTo(v.get("blob_id_hex").asText());
        assertThat(metadata.blobId().toU256Decimal())
                .isEqualTo(v.get("blob_id_u256_le_decimal").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void metadataBcsEqualsTheReferenceAndParsesBack(String label, JsonNode v) {
        BlobMetadata metadata = referenceMetadata(v);

        assertThat(HEX.formatHex(metadata.toBcs()))
                .isEqualTo(v.get("metadata_bcs_hex").asText());
        assertThat(ReferenceData.sha256Hex(metadata.toBcs()))
                .isEqualTo(v.get("metadata_bcs_sha256").asText());
        assertThat(ReferenceData.sha256Hex(metadata.toBcsWithBlobId()))
                .isEqualTo(v.get("metadata_with_id_bcs_sha256").asText());
        assertThat(BlobMetadata.fromBcs(hex(v.get("metadata_bcs_hex")))).isEqualTo(metadata);
        assertThat(BlobMetadata.fromBcsWithBlobId(metadata.toBcsWithBlobId())).isEqualTo(metadata);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithInlineSlivers")
    void referenceSliversParseAndSerializeBackToTheSameBcs(String label, JsonNode v) {
        int n = v.get("n_shards").asInt();
        for (int i = 0; i < n; i++) {
            byte[] primaryBcs = hex(v.get("primary_slivers_bcs").get(i));
            byte[] secondaryBcs = hex(v.get("secondary_slivers_bcs").get(i));
            Sliver primary = Sliver.fromBcs(SliverType.PRIMARY, primaryBcs);
            Sliver secondary = Sliver.fromBcs(SliverType.SECONDARY, secondaryBcs);

            assertThat(primary.index()).isEqualTo(i);
            assertThat(secondary.index()).isEqualTo(n - 1 - i);
            assertThat(primary.symbolSize()).isEqualTo(v.get("symbol_size").asInt());
            assertThat(primary.length()).isEqualTo(v.get("primary_sliver_len").asInt());
            assertThat(secondary.length())
                    .isEqualTo(v.get("secondary_sliver_len").asInt());
            assertThat(primary.toBcs()).isEqualTo(primaryBcs);
            assertThat(secondary.toBcs()).isEqualTo(secondaryBcs);
        }
    }

    /**
     * Every entry (i, j) of the expanded n × n matrix with i < n - 2f or j < n - f lies in a reference sliver, so the
     * hashes of primary slivers 0..n-2f-1 and secondary slivers 0..n-f-1 follow from the slivers alone.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithInlineSlivers")
    void sliverHashesRecomputedFromReferenceSliversMatchTheReferenceMetadata(String label, JsonNode v) {
        int n = v.get("n_shards").asInt();
        EncodingConfig config = EncodingConfig.forShards(n);
        int rows = config.primarySourceSymbols();
        int cols = config.secondarySourceSymbols();
        Sliver[] primary = new Sliver[n];
        Sliver[] secondary = new Sliver[n];
        for (int i = 0; i < n; i++) {
            primary[i] = Sliver.fromBcs(
                    SliverType.PRIMARY, hex(v.get("primary_slivers_bcs").get(i)));
            Sliver s = Sliver.fromBcs(
                    SliverType.SECONDARY, hex(v.get("secondary_slivers_bcs").get(i)));
            secondary[s.index()] = s;
        }
        BlobMetadata reference = referenceMetadata(v);

        for (int i = 0; i < rows; i++) {
            List<byte[]> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(j < cols ? primary[i].symbol(j) : secondary[j].symbol(i));
            }
            int pair = config.pairIndex(SliverType.PRIMARY, i);
            assertThat(MerkleTree.root(row))
                    .isEqualTo(reference.hashes().get(pair).primaryHash());
        }
        for (int j = 0; j < cols; j++) {
            List<byte[]> column = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                column.add(i < rows ? secondary[j].symbol(i) : primary[i].symbol(j));
            }
            int pair = config.pairIndex(SliverType.SECONDARY, j);
            assertThat(MerkleTree.root(column))
                    .isEqualTo(reference.hashes().get(pair).secondaryHash());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithInlineSlivers")
    void referenceSourceSliversHoldTheBlobRowMajor(String label, JsonNode v) {
        byte[] input = ReferenceData.input(v.get("case").asText());
        EncodingConfig config = EncodingConfig.forShards(v.get("n_shards").asInt());
        int rowBytes = v.get("primary_sliver_len").asInt();
        byte[] padded = Arrays.copyOf(input, config.primarySourceSymbols() * rowBytes);
        for (int r = 0; r < config.primarySourceSymbols(); r++) {
            Sliver sliver = Sliver.fromBcs(
                    SliverType.PRIMARY, hex(v.get("primary_slivers_bcs").get(r)));
            assertThat(sliver.data()).isEqualTo(Arrays.copyOfRange(padded, r * rowBytes, (r + 1) * rowBytes));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedCases")
    void blobIdDerivedFromReferenceRootMatchesTheReference(String label, JsonNode r) {
        BlobId id = BlobId.derive(r.get("unencoded_length").asLong(), hex(r.get("root_hash_hex")));

        assertThat(id.toString()).isEqualTo(r.get("blob_id").asText());
        assertThat(id.hex()).isEqualTo(r.get("blob_id_hex").asText());
        assertThat(id.toU256Decimal())
                .isEqualTo(r.get("blob_id_u256_le_decimal").asText());
        assertThat(BlobId.parse(r.get("blob_id").asText())).isEqualTo(id);
        assertThat(BlobId.fromU256Decimal(r.get("blob_id_u256_le_decimal").asText()))
                .isEqualTo(id);
    }
}
