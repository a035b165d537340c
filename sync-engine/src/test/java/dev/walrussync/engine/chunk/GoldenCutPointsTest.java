package dev.walrussync.engine.chunk;

import static dev.walrussync.engine.chunk.ChunkTestSupport.GOLDEN_KEY;
import static dev.walrussync.engine.chunk.ChunkTestSupport.chunker;
import static dev.walrussync.engine.chunk.ChunkTestSupport.cutLengths;
import static dev.walrussync.engine.chunk.ChunkTestSupport.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.internal.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Pins the chunk boundaries for a fixed key and fixed input, so that the repository format cannot drift.
 *
 * <p>The expected lengths were computed by an independent Python implementation of section 4.1 of
 * the storage format (hmac for the gear table, java.util.Random's LCG for the input). If this test
 * fails, existing repositories would stop deduplicating against new backups: change the format
 * version, not the numbers.
 */
class GoldenCutPointsTest {
    private static final long SEED = 20261122L;

    @Test
    void inputIsJavaUtilRandomWithTheFixedSeed() {
        assertThat(Hex.encode(Arrays.copyOf(randomBytes(SEED, 16), 8))).isEqualTo("6f7c76953ebccf57");
    }

    @Test
    void defaultParametersCutTheGoldenInputAtPinnedLengths() {
        byte[] data = randomBytes(SEED, 16 * 1024 * 1024 + 12345);
        assertThat(cutLengths(chunker(GOLDEN_KEY, ChunkerParams.DEFAULT), data))
                .containsExactly(
                        1927215, 1231340, 1179628, 1727482, 1158275, 1274202, 1100821, 1064881, 1146527, 1065163,
                        1602722, 1150678, 1066152, 94475);
    }

    @Test
    void smallParametersCutTheGoldenInputAtPinnedLengths() {
        byte[] data = randomBytes(SEED, 64 * 1024 + 7);
        assertThat(cutLengths(chunker(GOLDEN_KEY, new ChunkerParams(256, 1024, 8192)), data))
                .containsExactly(
                        1480, 1508, 1470, 1680, 273, 1031, 1044, 1077, 1944, 1283, 1176, 930, 1040, 1710, 1341, 1703,
                        1031, 578, 1207, 1341, 726, 1331, 1026, 1059, 1246, 1216, 1156, 1116, 743, 598, 1675, 1085,
                        1122, 1123, 1036, 1811, 1280, 1081, 1140, 1273, 1068, 1567, 1430, 1275, 574, 603, 1014, 1223,
                        1041, 1112, 1250, 1070, 1634, 1168, 1302, 522);
    }
}
