package dev.walrussync.engine.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Padmé rounds lengths up, by at most 12 %, leaving only a few significant bits. */
class PadmeTest {
    @Test
    void knownValues() {
        assertThat(Padme.pad(0)).isZero();
        assertThat(Padme.pad(1)).isEqualTo(1);
        assertThat(Padme.pad(9)).isEqualTo(10);
        assertThat(Padme.pad(100)).isEqualTo(104);
        assertThat(Padme.pad(1000)).isEqualTo(1024);
        assertThat(Padme.pad(1024)).isEqualTo(1024);
        assertThat(Padme.pad(1025)).isEqualTo(1088);
        assertThat(Padme.pad(4096)).isEqualTo(4096);
        assertThat(Padme.pad(64L << 20)).isEqualTo(64L << 20);
        assertThat(Padme.pad((64L << 20) + 1)).isEqualTo((64L << 20) + (1L << 21));
    }

    @Test
    void overheadIsAtMostTwelvePercentForEverySmallLength() {
        for (long length = 1; length <= 200_000; length++) {
            assertOverheadWithinBound(length);
        }
    }

    @Test
    void overheadIsAtMostTwelvePercentForLengthsUpToAPebibyte() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long length = 1 + (random.nextLong() >>> (14 + random.nextInt(50)));
            assertOverheadWithinBound(length);
        }
        for (int bits = 2; bits <= 50; bits++) {
            assertOverheadWithinBound((1L << bits) + 1);
            assertOverheadWithinBound((1L << bits) - 1);
        }
    }

    private static void assertOverheadWithinBound(long length) {
        long padded = Padme.pad(length);
        if (padded < length || (double) (padded - length) / length > 0.12) {
            throw new AssertionError("padme(" + length + ") = " + padded);
        }
    }

    @Test
    void paddingIsMonotonicAndIdempotent() {
        long previous = 0;
        for (long length = 1; length <= 100_000; length++) {
            long padded = Padme.pad(length);
            assertThat(padded).isGreaterThanOrEqualTo(previous);
            assertThat(Padme.pad(padded)).isEqualTo(padded);
            previous = padded;
        }
    }

    @Test
    void paddedLengthsKeepOnlyAboutLogLogLSignificantBits() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long length = 2 + (random.nextLong() >>> 20);
            long padded = Padme.pad(length);
            int e = 63 - Long.numberOfLeadingZeros(length);
            int s = 32 - Integer.numberOfLeadingZeros(e);
            long significant = padded >>> Long.numberOfTrailingZeros(padded);
            assertThat(64 - Long.numberOfLeadingZeros(significant)).isLessThanOrEqualTo(s + 1);
        }
    }

    @Test
    void lengthsThatDifferOnlyInLowBitsPadToTheSameSize() {
        long base = 10_000_000;
        assertThat(Padme.pad(base + 1)).isEqualTo(Padme.pad(base + 20_000));
    }
}
