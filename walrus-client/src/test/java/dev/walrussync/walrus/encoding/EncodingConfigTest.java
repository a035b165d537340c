package dev.walrussync.walrus.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Encoding parameters, sizes and rotation offsets against the reference and the protocol notes. */
class EncodingConfigTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    static Stream<Arguments> expectedCases() {
        return ReferenceData.expectedCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedCases")
    void sizesEqualTheReference(String label, JsonNode r) {
        EncodingConfig config = EncodingConfig.forShards(r.get("n_shards").asInt());
        long length = r.get("unencoded_length").asLong();

        assertThat(config.primarySourceSymbols())
                .isEqualTo(r.get("primary_source_symbols").asInt());
        assertThat(config.secondarySourceSymbols())
                .isEqualTo(r.get("secondary_source_symbols").asInt());
        assertThat(config.symbolSize(length)).isEqualTo(r.get("symbol_size").asInt());
        assertThat(config.primarySliverSize(length))
                .isEqualTo(r.get("primary_sliver_len").asLong());
        assertThat(config.secondarySliverSize(length))
                .isEqualTo(r.get("secondary_sliver_len").asLong());
        assertThat(config.encodedSliversLength(length))
                .isEqualTo(r.get("encoded_sliver_size_total").asLong());
        assertThat(config.encodedLength(length))
                .isEqualTo(r.get("encoded_blob_length").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedCases")
    void rotationOffsetsEqualTheReference(String label, JsonNode r) {
        int n = r.get("n_shards").asInt();
        ShardMapping mapping = ShardMapping.of(BlobId.parse(r.get("blob_id").asText()), n);

        assertThat(mapping.rotationOffset()).isEqualTo(r.get("rotation_offset").asInt());
        assertThat(mapping.shardIndex(0)).isEqualTo(r.get("shard_of_pair0").asInt());
        assertThat(mapping.pairIndex(0)).isEqualTo(r.get("pair_of_shard0").asInt());
        for (int pair = 0; pair < n; pair++) {
            assertThat(mapping.pairIndex(mapping.shardIndex(pair))).isEqualTo(pair);
        }
    }

    /** The worked values of protocol notes §3.6 for n = 1000, with the docs examples 17 B and 1,782,224 B. */
    @ParameterizedTest(name = "{0} B")
    @CsvSource({
        "0, 2, 66034000",
        "17, 2, 66034000",
        "445556, 2, 66034000",
        "445557, 4, 68036000",
        "1048576, 6, 70038000",
        "1782224, 8, 72040000",
        "10485760, 48, 112080000",
        "104857600, 472, 536504000",
        "1073741824, 4820, 4888852000",
        "10737418240, 48198, 48310230000"
    })
    void encodedLengthsAtOneThousandShardsMatchTheProtocolTable(long length, int symbolSize, long encoded) {
        EncodingConfig config = EncodingConfig.forShards(1000);

        assertThat(config.symbolSize(length)).isEqualTo(symbolSize);
        assertThat(config.encodedLength(length)).isEqualTo(encoded);
    }

    @Test
    void storageUnitsOfTheProtocolTableFollowFromTheEncodedLengths() {
        EncodingConfig config = EncodingConfig.forShards(1000);

        assertThat(units(config.encodedLength(0))).isEqualTo(63);
        assertThat(units(config.encodedLength(MIB))).isEqualTo(67);
        assertThat(units(config.encodedLength(10 * MIB))).isEqualTo(107);
        assertThat(units(config.encodedLength(100 * MIB))).isEqualTo(512);
        assertThat(units(config.encodedLength(GIB))).isEqualTo(4663);
        assertThat(units(config.encodedLength(10 * GIB))).isEqualTo(46073);
    }

    private static long units(long bytes) {
        return (bytes + MIB - 1) / MIB;
    }

    @Test
    void oneThousandShardsGiveTheMainnetParameters() {
        EncodingConfig config = EncodingConfig.forShards(1000);

        assertThat(config.maxFaultyShards()).isEqualTo(333);
        assertThat(config.primarySourceSymbols()).isEqualTo(334);
        assertThat(config.secondarySourceSymbols()).isEqualTo(667);
        assertThat(config.sliversForReconstruction()).isEqualTo(334);
        assertThat(config.metadataLength()).isEqualTo(64_032);
        assertThat(config.maxBlobSize()).isEqualTo(14_599_533_452L);
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource({"4, 1, 2, 3", "5, 1, 3, 4", "7, 2, 3, 5", "10, 3, 4, 7", "100, 33, 34, 67", "1000, 333, 334, 667"})
    void sourceSymbolCountsFollowFromTheFaultTolerance(int n, int f, int rows, int cols) {
        EncodingConfig config = EncodingConfig.forShards(n);

        assertThat(config.maxFaultyShards()).isEqualTo(f);
        assertThat(config.primarySourceSymbols()).isEqualTo(rows);
        assertThat(config.secondarySourceSymbols()).isEqualTo(cols);
    }

    @Test
    void blobsUpToTheMaximumSizeAreAcceptedAndLongerOnesRejected() {
        EncodingConfig config = EncodingConfig.forShards(10);
        long max = config.maxBlobSize();

        assertThat(max).isEqualTo(4L * 7 * 65534);
        assertThat(config.symbolSize(max)).isEqualTo(EncodingConfig.MAX_SYMBOL_SIZE);
        assertThatThrownBy(() -> config.symbolSize(max + 1))
                .isInstanceOf(BlobTooLargeException.class)
                .hasMessageContaining("1834953");
        assertThatThrownBy(() -> config.encodedLength(32 * MIB)).isInstanceOf(BlobTooLargeException.class);
    }

    @Test
    void fewerThanFourShardsAreRejected() {
        assertThatThrownBy(() -> EncodingConfig.forShards(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncodingConfig.forShards(EncodingConfig.MAX_SHARDS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeLengthsAreRejected() {
        assertThatThrownBy(() -> EncodingConfig.forShards(10).symbolSize(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sliverPairsCombinePrimarySliverIWithSecondarySliverNMinusOneMinusI() {
        EncodingConfig config = EncodingConfig.forShards(10);

        assertThat(config.sliverIndex(SliverType.PRIMARY, 2)).isEqualTo(2);
        assertThat(config.sliverIndex(SliverType.SECONDARY, 2)).isEqualTo(7);
        assertThat(config.pairIndex(SliverType.SECONDARY, 7)).isEqualTo(2);
        assertThat(config.pairIndex(SliverType.PRIMARY, 9)).isEqualTo(9);
    }
}
