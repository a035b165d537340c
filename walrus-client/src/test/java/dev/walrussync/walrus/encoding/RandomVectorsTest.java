package dev.walrussync.walrus.encoding;

import static dev.walrussync.walrus.encoding.ReferenceData.HEX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our encoder against the reference encoder on random inputs of many lengths (0 B to 64 MiB) at 4, 7, 10, 100, 301
 * and 1000 shards (random-vectors.json, written by random-vectors.mjs). Each input is regenerated from its seed;
 * the symbol size, blob ID, root hash, metadata and every primary and secondary sliver must match.
 */
class RandomVectorsTest {
    private static final int MIB = 1 << 20;
    private static final int[] SHARD_COUNTS = {4, 7, 10, 100, 301, 1000};

    private final BlobEncoder encoder = new BlobEncoder();

    static Stream<Arguments> vectors() {
        return ReferenceData.randomVectors().stream()
                .map(v -> Arguments.of(
                        "n=" + v.get("n_shards").asInt() + ", "
                                + v.get("input_len").asInt() + " B",
                        v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodingARandomInputGivesTheReferenceBlobIdMetadataAndSlivers(String label, JsonNode v) {
        int n = v.get("n_shards").asInt();
        byte[] input = ReferenceData.randomInput(
                v.get("seed").asLong(), v.get("input_len").asInt());
        assertThat(ReferenceData.sha256Hex(input))
                .as("regenerated input")
                .isEqualTo(v.get("input_sha256").asText());
        assertThat(v.get("decode_ok").asBoolean())
                .as("the reference decoded its own slivers")
                .isTrue();

        EncodedBlob encoded = encoder.encode(input, n);

        assertThat(encoded.symbolSize()).isEqualTo(v.get("symbol_size").asInt());
        assertThat(encoded.blobId().toString()).isEqualTo(v.get("blob_id").asText());
        assertThat(HEX.formatHex(encoded.rootHash()))
                .isEqualTo(v.get("root_hash_hex").asText());
        assertThat(ReferenceData.sha256Hex(encoded.metadata().toBcs()))
                .as("metadata BCS (every sliver-pair hash)")
                .isEqualTo(v.get("metadata_bcs_sha256").asText());
        MessageDigest primary = sha256();
        MessageDigest secondary = sha256();
        for (int pair = 0; pair < n; pair++) {
            primary.update(encoded.primarySliver(pair).toBcs());
            secondary.update(encoded.secondarySliver(n - 1 - pair).toBcs());
        }
        assertThat(HEX.formatHex(primary.digest()))
                .as("all primary slivers")
                .isEqualTo(v.get("all_primary_bcs_sha256").asText());
        assertThat(HEX.formatHex(secondary.digest()))
                .as("all secondary slivers, in pair order")
                .isEqualTo(v.get("all_secondary_bcs_sha256").asText());
    }

    static Stream<Arguments> vectorsUpTo2Mib() {
        return vectors().filter(a -> ((JsonNode) a.get()[1]).get("input_len").asInt() <= 2 * MIB);
    }

    /** Decoding from random sets of just enough primary or secondary slivers gives the input back. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsUpTo2Mib")
    void aRandomInputDecodesFromRandomPrimaryAndSecondarySlivers(String label, JsonNode v) throws Exception {
        int n = v.get("n_shards").asInt();
        byte[] input = ReferenceData.randomInput(
                v.get("seed").asLong(), v.get("input_len").asInt());
        EncodedBlob encoded = encoder.encode(input, n);
        Random random = new Random(v.get("seed").asLong());
        List<Sliver> primary = new ArrayList<>(encoded.primarySlivers());
        List<Sliver> secondary = new ArrayList<>(encoded.secondarySlivers());
        Collections.shuffle(primary, random);
        Collections.shuffle(secondary, random);
        BlobDecoder decoder = new BlobDecoder();

        assertThat(decoder.decode(
                        encoded.metadata(), primary.subList(0, encoded.config().primarySourceSymbols())))
                .isEqualTo(input);
        assertThat(decoder.decode(
                        encoded.metadata(),
                        secondary.subList(0, encoded.config().secondarySourceSymbols())))
                .isEqualTo(input);
    }

    @Test
    void theVectorsCoverEveryShardCountFromEmptyToTheLargestOr64MibBlob() {
        Map<Integer, List<Long>> lengths = ReferenceData.randomVectors().stream()
                .collect(Collectors.groupingBy(
                        v -> v.get("n_shards").asInt(),
                        Collectors.mapping(v -> v.get("input_len").asLong(), Collectors.toList())));

        assertThat(lengths).containsOnlyKeys(4, 7, 10, 100, 301, 1000);
        for (int n : SHARD_COUNTS) {
            EncodingConfig config = EncodingConfig.forShards(n);
            long symbols = config.sourceSymbolCount();
            long largest = Math.min(config.maxBlobSize(), 64L * MIB);
            assertThat(lengths.get(n))
                    .as("n=%d", n)
                    .contains(0L, 1L, 2 * symbols, 2 * symbols + 1, 64 * symbols, 64 * symbols + 1)
                    .allMatch(length -> length <= largest)
                    .hasSizeGreaterThanOrEqualTo(8);
        }
        assertThat(lengths.get(4)).contains(EncodingConfig.forShards(4).maxBlobSize());
        assertThat(lengths.get(7)).contains(EncodingConfig.forShards(7).maxBlobSize());
        assertThat(lengths.get(10)).contains(EncodingConfig.forShards(10).maxBlobSize());
        assertThat(lengths.get(100)).contains(64L * MIB);
        assertThat(lengths.get(301)).anyMatch(length -> length > 32L * MIB);
        assertThat(lengths.get(1000)).contains(64L * MIB);
    }

    @Test
    void theInputGeneratorIsSha256InCounterMode() {
        byte[] message = new byte[16];
        message[0] = 7; // seed 7, block 0
        byte[] block0 = sha256().digest(message);
        message[8] = 1; // block 1
        byte[] block1 = sha256().digest(message);

        byte[] input = ReferenceData.randomInput(7, 40);

        assertThat(input).startsWith(block0);
        assertThat(Arrays.copyOfRange(input, 32, 40)).isEqualTo(Arrays.copyOf(block1, 8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
