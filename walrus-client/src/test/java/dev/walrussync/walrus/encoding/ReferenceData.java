package dev.walrussync.walrus.encoding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Loads the reference encoder's outputs from the test resources and rebuilds their inputs. */
final class ReferenceData {
    static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] VECTOR_CASES = {"empty", "one_byte", "hello_walrus", "pattern_1MiB"};

    private ReferenceData() {}

    static JsonNode load(String resource) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/walrus-encoding/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The results of expected.json (n = 10 and n = 1000). */
    static List<JsonNode> expected() {
        List<JsonNode> out = new ArrayList<>();
        load("expected.json").get("results").forEach(out::add);
        return out;
    }

    static Stream<Arguments> expectedCases() {
        return expected().stream().map(r -> Arguments.of(label(r), r));
    }

    static Stream<Arguments> expectedCases(int nShards) {
        return expected().stream()
                .filter(r -> r.get("n_shards").asInt() == nShards)
                .map(r -> Arguments.of(label(r), r));
    }

    /** The n = 10 vectors with every sliver. */
    static Stream<Arguments> vectors() {
        return Stream.of(VECTOR_CASES).map(c -> {
            JsonNode v = load("vectors/" + c + "_n10.json");
            return Arguments.of(label(v), v);
        });
    }

    /** The n = 10 vectors whose slivers are given in full (not only as SHA-256). */
    static Stream<Arguments> vectorsWithInlineSlivers() {
        return vectors()
                .filter(a ->
                        ((JsonNode) a.get()[1]).get("primary_sliver_bcs_len").asInt() <= 4096);
    }

    /** The extra oracle results at other shard counts. */
    static Stream<Arguments> extraCases() {
        List<Arguments> out = new ArrayList<>();
        load("oracle-extra.json").get("results").forEach(r -> out.add(Arguments.of(label(r), r)));
        return out.stream();
    }

    static String label(JsonNode r) {
        String name =
                r.has("case") ? r.get("case").asText() : r.get("input_len").asText() + " B";
        return name + ", n=" + r.get("n_shards").asInt();
    }

    /** The input bytes of a built-in oracle case. */
    static byte[] input(String caseName) {
        return switch (caseName) {
            case "empty" -> new byte[0];
            case "one_byte" -> new byte[] {0x42};
            case "hello_walrus" -> "hello walrus".getBytes(StandardCharsets.UTF_8);
            case "pkg_0_9" -> new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
            case "pattern_1MiB" -> {
                byte[] b = new byte[1 << 20];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (i % 251);
                }
                yield b;
            }
            default -> throw new IllegalArgumentException(caseName);
        };
    }

    /** The input bytes of an oracle-extra.json case. */
    static byte[] extraInput(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (((i * 131 + 7) % 256) ^ ((i >> 8) & 0xFF));
        }
        return b;
    }

    /** The results of random-vectors.json (random inputs of many lengths at n = 4, 7, 10, 100, 301 and 1000). */
    static List<JsonNode> randomVectors() {
        List<JsonNode> out = new ArrayList<>();
        load("random-vectors.json").get("results").forEach(out::add);
        return out;
    }

    /**
     * The input of a random-vectors.json case: the first {@code length} bytes of {@code SHA-256(u64_le(seed) ‖
     * u64_le(0)) ‖ SHA-256(u64_le(seed) ‖ u64_le(1)) ‖ …}, as random-vectors.mjs generates it. Blocks are
     * independent, so large inputs are generated in parallel.
     */
    static byte[] randomInput(long seed, int length) {
        byte[] out = new byte[length];
        int blocks = (length + 31) / 32;
        int perTask = 1 << 15;
        IntStream.range(0, (blocks + perTask - 1) / perTask).parallel().forEach(task -> {
            MessageDigest md = sha256();
            byte[] message = new byte[16];
            ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putLong(0, seed);
            byte[] block = new byte[32];
            for (int i = task * perTask; i < Math.min(blocks, (task + 1) * perTask); i++) {
                ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN).putLong(8, i);
                md.update(message);
                try {
                    md.digest(block, 0, 32);
                } catch (DigestException e) {
                    throw new IllegalStateException(e);
                }
                System.arraycopy(block, 0, out, i * 32, Math.min(32, length - i * 32));
            }
        });
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hex(JsonNode node) {
        return HEX.parseHex(node.asText());
    }

    static String sha256Hex(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return HEX.formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the BCS forms of all slivers, concatenated in the given order. */
    static String sha256OfBcs(List<Sliver> slivers) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Sliver s : slivers) {
                md.update(s.toBcs());
            }
            return HEX.formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
