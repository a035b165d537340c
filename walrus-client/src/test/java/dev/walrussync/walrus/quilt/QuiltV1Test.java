package dev.walrussync.walrus.quilt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.walrus.encoding.BlobEncoder;
import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.EncodingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * QuiltV1 layout, index and patch IDs, checked against quilts built by the official TypeScript SDK with their blob
 * IDs from the official RS2 encoder (quilt-oracle.json), and against walrus-core's own symbol-size test cases.
 */
class QuiltV1Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> oracleCases() throws IOException {
        try (InputStream in = QuiltV1Test.class.getResourceAsStream("/walrus-encoding/quilt-oracle.json")) {
            JsonNode root = JSON.readTree(in);
            List<Arguments> out = new ArrayList<>();
            root.get("cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oracleCases")
    void quiltBytesIndexPatchIdsAndQuiltIdEqualTheOfficialSdks(String name, JsonNode c) throws Exception {
        int n = c.get("shards").asInt();

        QuiltV1 quilt = QuiltV1.encode(blobs(c), EncodingConfig.forShards(n));
        BlobId quiltId = new BlobEncoder().blobId(quilt.data(), n);

        assertThat(quilt.data()).hasSize(c.get("quiltLength").asInt());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(quilt.data())))
                .isEqualTo(c.get("quiltSha256").asText());
        assertThat(quiltId.toString()).isEqualTo(c.get("quiltId").asText());
        List<String> expected = new ArrayList<>();
        c.get("index")
                .forEach(p -> expected.add(p.get("identifier").asText() + " "
                        + p.get("startIndex").asInt() + ".." + p.get("endIndex").asInt() + " "
                        + p.get("patchId").asText()));
        assertThat(quilt.patches().stream()
                        .map(p ->
                                p.identifier() + " " + p.startIndex() + ".." + p.endIndex() + " " + p.patchId(quiltId))
                        .toList())
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oracleCases")
    void everyPatchReadsBackWithItsIdentifierTagsAndBytes(String name, JsonNode c) {
        EncodingConfig config = EncodingConfig.forShards(c.get("shards").asInt());
        List<QuiltStoreBlob> blobs = blobs(c);

        QuiltV1 parsed = QuiltV1.parse(QuiltV1.encode(blobs, config).data(), config);

        for (QuiltStoreBlob b : blobs) {
            QuiltPatch patch = parsed.patch(b.identifier()).orElseThrow();
            assertThat(parsed.read(patch)).isEqualTo(b);
            assertThat(parsed.patch(patch.startIndex(), patch.endIndex())).contains(patch);
        }
    }

    /** The cases of {@code test_quilt_find_min_length} in walrus-core's quilt_encoding.rs. */
    @Test
    void symbolSizeMatchesWalrusCoresOwnCases() {
        assertThat(QuiltV1.symbolSize(new long[] {1000, 1, 1}, 4, 7, 2)).isEqualTo(72);
        assertThat(QuiltV1.symbolSize(new long[] {1}, 3, 2, 1)).isEqualTo(4);
        assertThat(QuiltV1.symbolSize(new long[] {115, 80, 4}, 17, 9, 3)).isEqualTo(6);
        assertThat(QuiltV1.symbolSize(new long[] {20, 20, 20}, 3, 5, 2)).isEqualTo(4);
        assertThat(QuiltV1.symbolSize(new long[] {5, 5, 5}, 5, 1, 1)).isEqualTo(6);
        assertThat(QuiltV1.symbolSize(new long[] {25, 35, 45}, 200, 1, 3)).isEqualTo(10);
        assertThat(QuiltV1.symbolSize(new long[] {10, 0, 0, 0}, 17, 9, 2)).isEqualTo(2);
        long[] many = {
            416, 253, 258, 384, 492, 303, 276, 464, 143, 251, 388, 263, 515, 433, 505, 385, 346, 69, 48, 495, 329, 450,
            494, 104, 539, 245, 109, 317, 60
        };
        assertThat(QuiltV1.symbolSize(many, 34, 16, 3)).isEqualTo(32);
        assertThatThrownBy(() -> QuiltV1.symbolSize(new long[] {2, 1, 2, 1}, 3, 3, 1))
                .isInstanceOf(QuiltException.class)
                .hasMessageContaining("too many blobs");
    }

    @Test
    void patchIdOfTheDocsExampleParsesIntoQuiltIdAndColumnRange() {
        QuiltPatchId id = QuiltPatchId.parse("6XUOE-Q5-nAXHRifN6n9nomVDtHZQbGuAkW3PjlBuKoBAQDQAA");

        assertThat(id.quiltId()).isEqualTo(BlobId.parse("6XUOE-Q5-nAXHRifN6n9nomVDtHZQbGuAkW3PjlBuKo"));
        assertThat(id.startIndex()).isEqualTo(1);
        assertThat(id.endIndex()).isEqualTo(0xD0);
        assertThat(id.toString()).isEqualTo("6XUOE-Q5-nAXHRifN6n9nomVDtHZQbGuAkW3PjlBuKoBAQDQAA");
        assertThat(QuiltPatchId.parse("6XUOE-Q5-nAXHRifN6n9nomVDtHZQbGuAkW3PjlBuKoB0AB7Ag"))
                .isEqualTo(new QuiltPatchId(id.quiltId(), 0xD0, 0x27B));
    }

    @Test
    void patchIdsOfOtherLengthsOrVersionsAreRejected() {
        assertThatThrownBy(() -> QuiltPatchId.parse("6XUOE-Q5-nAXHRifN6n9nomVDtHZQbGuAkW3PjlBuKo"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuiltPatchId.parse("6XUOE-Q5-nAXHRifN6n9nomVDtHZQbGuAkW3PjlBuKoAgQDQAA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a QuiltV1");
    }

    @Test
    void identifiersAreValidatedAsWalrusDoes() {
        QuiltStoreBlob.validateIdentifier("_test");
        QuiltStoreBlob.validateIdentifier("test blob");
        QuiltStoreBlob.validateIdentifier(".test");
        for (String bad : List.of("", "test ", "test\t", "test\u00A0", "te\bst", "test\u007F", "test\u0085")) {
            assertThatThrownBy(() -> QuiltStoreBlob.validateIdentifier(bad))
                    .as("'%s'", bad)
                    .isInstanceOf(QuiltException.class);
        }
        assertThatThrownBy(() -> QuiltStoreBlob.validateIdentifier("x".repeat(65_536)))
                .isInstanceOf(QuiltException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void duplicateIdentifiersAndTooManyPatchesAreRejected() {
        EncodingConfig config = EncodingConfig.forShards(10);
        byte[] one = {1};

        assertThatThrownBy(
                        () -> QuiltV1.encode(List.of(QuiltStoreBlob.of("a", one), QuiltStoreBlob.of("a", one)), config))
                .isInstanceOf(QuiltException.class)
                .hasMessageContaining("duplicate identifier");
        List<QuiltStoreBlob> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(QuiltStoreBlob.of("p" + i, one));
        }
        assertThatThrownBy(() -> QuiltV1.encode(seven, config))
                .isInstanceOf(QuiltException.class)
                .hasMessageContaining("too many blobs");
        assertThatThrownBy(() -> QuiltV1.encode(List.of(), config)).isInstanceOf(QuiltException.class);
    }

    @Test
    void bytesThatAreNotAQuiltAreRejected() {
        EncodingConfig config = EncodingConfig.forShards(10);

        assertThatThrownBy(() -> QuiltV1.parse(new byte[57], config))
                .isInstanceOf(QuiltException.class)
                .hasMessageContaining("multiple of 28");
        assertThatThrownBy(() -> QuiltV1.parse(new byte[56], config))
                .isInstanceOf(QuiltException.class)
                .hasMessageContaining("version byte is 0");
        byte[] garbage = new byte[56];
        java.util.Arrays.fill(garbage, (byte) 0x01);
        assertThatThrownBy(() -> QuiltV1.parse(garbage, config)).isInstanceOf(QuiltException.class);
    }

    @Test
    void tagKeysAreWrittenInBcsOrderWhereShorterKeysComeFirst() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("aa", "1");
        tags.put("b", "2");

        byte[] bcs = QuiltV1.tagsBcs(tags);

        assertThat(bcs).containsExactly(2, 1, 'b', 1, '2', 2, 'a', 'a', 1, '1');
    }

    private static List<QuiltStoreBlob> blobs(JsonNode c) {
        List<QuiltStoreBlob> out = new ArrayList<>();
        for (JsonNode p : c.get("patches")) {
            byte[] data = new byte[p.get("length").asInt()];
            int seed = p.get("seed").asInt();
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) ((i * 31L + seed) % 251);
            }
            Map<String, String> tags = new LinkedHashMap<>();
            if (p.has("tags")) {
                p.get("tags")
                        .properties()
                        .forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
            }
            out.add(new QuiltStoreBlob(p.get("identifier").asText(), data, tags));
        }
        return out;
    }
}
