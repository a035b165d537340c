package dev.walrussync.walrus.sui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests {@link Base58} and {@link Digest} against known vectors and random round trips. */
class Base58Test {
    @ParameterizedTest
    @CsvSource({
        "'', ''",
        "00, 1",
        "0000, 11",
        "61, 2g",
        "626262, a3gV",
        "636363, aPEr",
        "73696d706c792061206c6f6e6720737472696e67, 2cFupjhnEsSn59qHXstmK2ffpLv2",
        "00eb15231dfceb60925886b67d065299925915aeb172c06647, 1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
        "516b6fcd0f, ABnLTmg",
        "bf4f89001e670274dd, 3SEo3LWLoPntC",
        "572e4794, 3EFU7m",
        "ecac89cad93923c02321, EJDM8drfXA6uyA",
        "10c8511e, Rt5zm",
        "00000000000000000000, 1111111111",
        "a07cd24f92f624f734b96d3354d0c8b8166292d1436e20fe0db7866a6c385aad, BoUdDbL7CqzNkYYiqnqUn4KacqebWbQLu3dPQa1daBvU",
        "2323232323232323232323232323232323232323232323232323232323232323, 3NAM1YJMhSPvtAkmGTRABe1hYZN3aE2hZHKy3JZy9fHk",
    })
    void encodesAndDecodesKnownVectors(String hex, String base58) {
        byte[] bytes = HexFormat.of().parseHex(hex);

        assertThat(Base58.encode(bytes)).isEqualTo(base58);
        assertThat(Base58.decode(base58)).isEqualTo(bytes);
    }

    @Test
    void helloWorldEncodesToTheBitcoinForm() {
        assertThat(Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("2NEpo7TZRRrLZSi2U");
    }

    @Test
    void randomByteStringsWithLeadingZerosRoundTrip() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(48)];
            random.nextBytes(bytes);
            for (int z = 0; z < bytes.length && random.nextInt(4) == 0; z++) {
                bytes[z] = 0;
            }
            assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "O", "I", "l", "abc+", "é"})
    void rejectsCharactersOutsideTheAlphabet(String text) {
        assertThatThrownBy(() -> Base58.decode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid Base58 character");
    }

    @Test
    void digestOfAllZerosIsThirtyTwoOnes() {
        Digest zero = Digest.fromBytes(new byte[32]);

        assertThat(zero.toString()).isEqualTo("1".repeat(32));
        assertThat(Digest.parse("1".repeat(32))).isEqualTo(zero);
    }

    @Test
    void digestRejectsTextThatIsNotThirtyTwoBytes() {
        assertThatThrownBy(() -> Digest.parse("2g"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decodes to 1");
        assertThatThrownBy(() -> Digest.fromBytes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
