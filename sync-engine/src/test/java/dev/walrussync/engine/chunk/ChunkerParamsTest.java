package dev.walrussync.engine.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation and masks of {@link ChunkerParams}. */
class ChunkerParamsTest {
    @Test
    void defaultIsHalfOneAndEightMebibytes() {
        assertThat(ChunkerParams.DEFAULT).isEqualTo(new ChunkerParams(524_288, 1_048_576, 8_388_608));
    }

    @Test
    void defaultMasksHaveTwentyTwoAndEighteenOneBitsAtTheTop() {
        assertThat(ChunkerParams.DEFAULT.smallMask()).isEqualTo(0xFFFF_FC00_0000_0000L);
        assertThat(ChunkerParams.DEFAULT.largeMask()).isEqualTo(0xFFFF_C000_0000_0000L);
        assertThat(Long.bitCount(ChunkerParams.DEFAULT.smallMask())).isEqualTo(22);
        assertThat(Long.bitCount(ChunkerParams.DEFAULT.largeMask())).isEqualTo(18);
    }

    @ParameterizedTest
    @CsvSource({"64, 4, 8", "1024, 8, 12", "65536, 14, 18", "268435456, 26, 30"})
    void masksFollowLog2OfTheAverageSize(int avg, int largeBits, int smallBits) {
        ChunkerParams params = new ChunkerParams(1, avg, avg);
        assertThat(params.smallMask()).isEqualTo(-1L << (64 - smallBits));
        assertThat(params.largeMask()).isEqualTo(-1L << (64 - largeBits));
    }

    @ParameterizedTest
    @CsvSource({
        "512, 1000, 8192", // average not a power of two
        "16, 32, 64", // average below 64
        "0, 1024, 8192", // minimum below 1
        "2048, 1024, 8192", // minimum above average
        "512, 1024, 1000", // maximum below average
        "512, 1024, 268435457", // maximum above 256 MiB
    })
    void rejectsInconsistentSizes(int min, int avg, int max) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChunkerParams(min, avg, max));
    }
}
