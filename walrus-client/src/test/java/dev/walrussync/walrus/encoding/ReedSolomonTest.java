package dev.walrussync.walrus.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The systematic GF(2^16) Reed-Solomon code: reference repair symbols and erasure decoding. */
class ReedSolomonTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[][] symbols(String... hex) {
        byte[][] out = new byte[hex.length][];
        for (int i = 0; i < hex.length; i++) {
            out[i] = HEX.parseHex(hex[i]);
        }
        return out;
    }

    /** Column 0 of the "hello walrus" vector at n = 10: only row 0 ("he") is non-zero (low-rate code, 4 of 10). */
    @Test
    void lowRateRecoverySymbolsEqualTheReferenceEncoder() {
        byte[][] out = new ReedSolomon(4, 10).encode(symbols("6865", "0000", "0000", "0000"));

        assertThat(out)
                .isDeepEqualTo(symbols("6865", "0000", "0000", "0000", "6943", "7ba5", "5917", "2394", "5917", "7ba5"));
    }

    /** Row 0 of the "hello walrus" vector at n = 10 (high-rate code, 7 of 10). */
    @Test
    void highRateRecoverySymbolsEqualTheReferenceEncoder() {
        byte[] row = "hello walrus\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[][] source = new byte[7][];
        for (int i = 0; i < 7; i++) {
            source[i] = Arrays.copyOfRange(row, 2 * i, 2 * i + 2);
        }

        byte[][] out = new ReedSolomon(7, 10).encode(source);

        assertThat(out[7]).isEqualTo(HEX.parseHex("e248"));
        assertThat(out[8]).isEqualTo(HEX.parseHex("bef9"));
        assertThat(out[9]).isEqualTo(HEX.parseHex("b6e4"));
    }

    @ParameterizedTest(name = "{0} of {1}, {2}-byte symbols")
    @CsvSource({
        "1, 2, 2",
        "1, 5, 4",
        "2, 4, 64",
        "3, 4, 66",
        "4, 10, 130",
        "7, 10, 62",
        "3, 7, 200",
        "5, 7, 2",
        "5, 6, 128",
        "16, 17, 10",
        "17, 40, 96",
        "34, 100, 44",
        "67, 100, 2",
        "100, 101, 6",
        "129, 300, 8",
        "334, 1000, 2",
        "667, 1000, 4",
        "1000, 3000, 2"
    })
    void anySourceSizedSubsetOfSymbolsDecodesToTheSource(int k, int n, int symbolSize) {
        Random random = new Random(31L * k + n);
        ReedSolomon code = new ReedSolomon(k, n);
        byte[][] source = new byte[k][symbolSize];
        for (byte[] s : source) {
            random.nextBytes(s);
        }
        byte[][] encoded = code.encode(source);

        for (int i = 0; i < k; i++) {
            assertThat(encoded[i]).isEqualTo(source[i]);
        }
        for (int trial = 0; trial < 3; trial++) {
            int count = trial == 2 ? Math.min(n, k + 1) : k;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            if (trial == 1) {
                // The last k symbols: as many repair symbols as possible.
                order = order.stream().sorted(Collections.reverseOrder()).toList();
            }
            int[] indices = new int[count];
            byte[][] given = new byte[count][];
            for (int i = 0; i < count; i++) {
                indices[i] = order.get(i);
                given[i] = encoded[indices[i]];
            }
            assertThat(code.decode(indices, given)).isDeepEqualTo(source);
        }
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> new ReedSolomon(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReedSolomon(4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReedSolomon(40000, 65536)).isInstanceOf(IllegalArgumentException.class);
        ReedSolomon code = new ReedSolomon(2, 4);
        assertThatThrownBy(() -> code.encode(new byte[][] {new byte[3], new byte[3]}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> code.encode(new byte[][] {new byte[2], new byte[4]}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> code.encode(new byte[][] {new byte[2]})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodingRejectsTooFewRepeatedOrOutOfRangeSymbols() {
        ReedSolomon code = new ReedSolomon(2, 4);
        byte[][] two = {new byte[2], new byte[2]};

        assertThatThrownBy(() -> code.decode(new int[] {3}, new byte[][] {new byte[2]}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> code.decode(new int[] {3, 3}, two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> code.decode(new int[] {0, 4}, two)).isInstanceOf(IllegalArgumentException.class);
    }
}
