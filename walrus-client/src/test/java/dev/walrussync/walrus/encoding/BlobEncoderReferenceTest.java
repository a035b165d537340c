package dev.walrussync.walrus.encoding;

import static dev.walrussync.walrus.encoding.ReferenceData.HEX;
import static dev.walrussync.walrus.encoding.ReferenceData.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our encoder reproduces the reference encoder byte for byte: slivers, sliver hashes, metadata and blob IDs. */
class BlobEncoderReferenceTest {
    private final BlobEncoder encoder = new BlobEncoder();

    static Stream<Arguments> vectors() {
        return ReferenceData.vectors();
    }

    static Stream<Arguments> vectorsWithInlineSlivers() {
        return ReferenceData.vectorsWithInlineSlivers();
    }

    static Stream<Arguments> expectedCases() {
        return ReferenceData.expectedCases();
    }

    static Stream<Arguments> extraCases() {
        return ReferenceData.extraCases();
    }

    /** Secondary slivers in pair order (secondary sliver n-1-i for pair i), as the reference lists them. */
    private static List<Sliver> secondaryInPairOrder(EncodedBlob encoded) {
        List<Sliver> out = new ArrayList<>();
        for (int pair = 0; pair < encoded.nShards(); pair++) {
            out.add(encoded.sliverPair(pair).secondary());
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everySliverEqualsTheReferenceSliver(String label, JsonNode v) {
        EncodedBlob encoded = encoder.encode(
                ReferenceData.input(v.get("case").asText()), v.get("n_shards").asInt());
        List<Sliver> secondary = secondaryInPairOrder(encoded);

        for (int i = 0; i < encoded.nShards(); i++) {
            String expectedPrimary = v.get("primary_slivers_bcs").get(i).asText();
            String expectedSecondary = v.get("secondary_slivers_bcs").get(i).asText();
            byte[] primaryBcs = encoded.primarySliver(i).toBcs();
            byte[] secondaryBcs = secondary.get(i).toBcs();
            if (primaryBcs.length <= 4096) {
                assertThat(HEX.formatHex(primaryBcs)).as("primary sliver %d", i).isEqualTo(expectedPrimary);
                assertThat(HEX.formatHex(secondaryBcs))
                        .as("secondary of pair %d", i)
                        .isEqualTo(expectedSecondary);
            } else {
                assertThat(ReferenceData.sha256Hex(primaryBcs))
                        .as("primary sliver %d", i)
                        .isEqualTo(expectedPrimary);
                assertThat(ReferenceData.sha256Hex(secondaryBcs))
                        .as("secondary of pair %d", i)
                        .isEqualTo(expectedSecondary);
            }
        }
        assertThat(HEX.formatHex(encoded.metadata().toBcs()))
                .isEqualTo(v.get("metadata_bcs_hex").asText());
        for (int i = 0; i < encoded.nShards(); i++) {
            SliverPairMetadata pair = encoded.metadata().hashes().get(i);
            assertThat(HEX.formatHex(pair.primaryHash()))
                    .isEqualTo(v.get("sliver_pair_hashes").get(i).get(0).asText());
            assertThat(HEX.formatHex(pair.secondaryHash()))
                    .isEqualTo(v.get("sliver_pair_hashes").get(i).get(1).asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedCases")
    void blobIdRootAndAllSliversEqualTheReference(String label, JsonNode r) {
        EncodedBlob encoded = encoder.encode(
                ReferenceData.input(r.get("case").asText()), r.get("n_shards").asInt());

        assertThat(encoded.blobId().toString()).isEqualTo(r.get("blob_id").asText());
        assertThat(HEX.formatHex(encoded.rootHash()))
                .isEqualTo(r.get("root_hash_hex").asText());
        assertThat(encoded.symbolSize()).isEqualTo(r.get("symbol_size").asInt());
        assertThat(HEX.formatHex(encoded.metadata().hashes().get(0).primaryHash()))
                .isEqualTo(r.get("pair0_primary_hash").asText());
        assertThat(HEX.formatHex(encoded.metadata().hashes().get(0).secondaryHash()))
                .isEqualTo(r.get("pair0_secondary_hash").asText());
        assertThat(ReferenceData.sha256Hex(encoded.metadata().toBcs()))
                .isEqualTo(r.get("metadata_bcs_sha256").asText());
        assertThat(ReferenceData.sha256Hex(encoded.metadata().toBcsWithBlobId()))
                .isEqualTo(r.get("metadata_with_id_bcs_sha256").asText());
        assertThat(ReferenceData.sha256OfBcs(encoded.primarySlivers()))
                .isEqualTo(r.get("all_primary_bcs_sha256").asText());
        assertThat(ReferenceData.sha256OfBcs(secondaryInPairOrder(encoded)))
                .isEqualTo(r.get("all_secondary_bcs_sha256").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extraCases")
    void otherShardCountsAndSizesEqualTheReference(String label, JsonNode r) {
        int length = r.get("input_len").asInt();
        EncodedBlob encoded = encoder.encode(
                ReferenceData.extraInput(length), r.get("n_shards").asInt());

        assertThat(encoded.symbolSize()).isEqualTo(r.get("symbol_size").asInt());
        assertThat(encoded.blobId().toString()).isEqualTo(r.get("blob_id").asText());
        assertThat(encoded.rootHash()).isEqualTo(hex(r.get("root_hash_hex")));
        assertThat(ReferenceData.sha256Hex(encoded.metadata().toBcs()))
                .isEqualTo(r.get("metadata_bcs_sha256").asText());
        assertThat(ReferenceData.sha256OfBcs(encoded.primarySlivers()))
                .isEqualTo(r.get("all_primary_bcs_sha256").asText());
        assertThat(ReferenceData.sha256OfBcs(secondaryInPairOrder(encoded)))
                .isEqualTo(r.get("all_secondary_bcs_sha256").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithInlineSlivers")
    void everyReferenceSliverVerifiesAgainstTheReferenceMetadata(String label, JsonNode v) {
        BlobMetadata metadata = BlobMetadata.fromBcs(hex(v.get("metadata_bcs_hex")));
        BlobDecoder decoder = new BlobDecoder();

        for (int i = 0; i < metadata.nShards(); i++) {
            Sliver primary = Sliver.fromBcs(
                    SliverType.PRIMARY, hex(v.get("primary_slivers_bcs").get(i)));
            Sliver secondary = Sliver.fromBcs(
                    SliverType.SECONDARY, hex(v.get("secondary_slivers_bcs").get(i)));
            assertThat(decoder.verifySliver(metadata, primary))
                    .as("primary %d", i)
                    .isTrue();
            assertThat(decoder.verifySliver(metadata, secondary))
                    .as("secondary %d", secondary.index())
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithInlineSlivers")
    void referenceSliversDecodeToTheInputFromTheLastPrimarySlivers(String label, JsonNode v) throws Exception {
        BlobMetadata metadata = BlobMetadata.fromBcs(hex(v.get("metadata_bcs_hex")));
        int n = metadata.nShards();
        int k = EncodingConfig.forShards(n).sliversForReconstruction();
        List<Sliver> last = new ArrayList<>();
        for (int i = n - k; i < n; i++) {
            last.add(Sliver.fromBcs(
                    SliverType.PRIMARY, hex(v.get("primary_slivers_bcs").get(i))));
        }

        byte[] blob = new BlobDecoder()
                .decode(BlobId.parse(v.get("blob_id").asText()), metadata, last, ConsistencyCheck.STRICT);

        assertThat(blob).isEqualTo(ReferenceData.input(v.get("case").asText()));
    }

    /** Every set of n - f = 7 of the reference's 10 secondary slivers (all 120) decodes to the input. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithInlineSlivers")
    void referenceSliversDecodeToTheInputFromEverySetOfSevenSecondarySlivers(String label, JsonNode v)
            throws Exception {
        BlobMetadata metadata = BlobMetadata.fromBcs(hex(v.get("metadata_bcs_hex")));
        BlobId blobId = BlobId.parse(v.get("blob_id").asText());
        byte[] input = ReferenceData.input(v.get("case").asText());
        int n = metadata.nShards();
        int needed = EncodingConfig.forShards(n).secondarySourceSymbols();
        List<Sliver> secondary = new ArrayList<>();
        for (JsonNode bcs : v.get("secondary_slivers_bcs")) {
            secondary.add(Sliver.fromBcs(SliverType.SECONDARY, hex(bcs)));
        }
        BlobDecoder decoder = new BlobDecoder(false);

        int subsets = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != needed) {
                continue;
            }
            List<Sliver> subset = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & 1 << i) != 0) {
                    subset.add(secondary.get(i));
                }
            }
            assertThat(decoder.decode(blobId, metadata, subset, ConsistencyCheck.STRICT))
                    .as("secondary slivers at pair positions %s", Integer.toBinaryString(mask))
                    .isEqualTo(input);
            subsets++;
        }
        assertThat(subsets).isEqualTo(120);
    }
}
