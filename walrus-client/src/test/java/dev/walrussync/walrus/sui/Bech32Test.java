package dev.walrussync.walrus.sui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests {@link Bech32} and {@link SuiPrivateKey} with BIP-173 and Sui vectors. */
class Bech32Test {
    private static final String VECTOR_KEY = "suiprivkey1qqqqzqsrqszsvpcgpy9qkrqdpc83qygjzv2p29shrqv35xcur50p74yefn7";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "A12UEL5L",
                "a12uel5l",
                "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
                "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
                "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
                "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
                "?1ezyfcl"
            })
    void acceptsTheBip173ValidVectorsAndReencodesThemInLowercase(String text) {
        Bech32.Decoded decoded = Bech32.decode(text);

        assertThat(Bech32.encode(decoded.hrp(), decoded.data())).isEqualTo(text.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u00201nwldj5", // HRP character out of range
                "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
                "pzry9x0s0muk", // no separator
                "1pzry9x0s0muk", // empty HRP
                "x1b4n0q5v", // invalid data character
                "li1dgmt3", // checksum too short
                "A1G7SGD8", // checksum computed with the uppercase HRP
                "10a06t8", // empty HRP
                "1qzzfhee", // empty HRP
                "a12UEL5L", // mixed case
                "a1lqfn3a", // a valid Bech32m string, not Bech32
                "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j", // 91
                // chars
                "suiprivkey1qqqqzqsrqszsvpcgpy9qkrqdpc83qygjzv2p29shrqv35xcur50p74yefn8" // one character changed
            })
    void rejectsTheBip173InvalidVectors(String text) {
        assertThatThrownBy(() -> Bech32.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomPayloadsRoundTrip() {
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            Bech32.Decoded decoded = Bech32.decode(Bech32.encode("test", data));
            assertThat(decoded.hrp()).isEqualTo("test");
            assertThat(decoded.data()).isEqualTo(data);
        }
    }

    @Test
    void suiPrivateKeyOfTheVectorSeedEncodesToTheVectorString() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) i;
        }

        SuiPrivateKey key = new SuiPrivateKey(SignatureScheme.ED25519, seed);

        assertThat(key.encode()).isEqualTo(VECTOR_KEY);
        assertThat(SuiPrivateKey.decode(VECTOR_KEY)).isEqualTo(key);
        assertThat(key.toString()).doesNotContain("000102").contains("redacted");
    }

    @Test
    void suiPrivateKeyKeepsTheSchemeFlag() {
        SuiPrivateKey k1 = new SuiPrivateKey(SignatureScheme.SECP256K1, new byte[32]);

        SuiPrivateKey decoded = SuiPrivateKey.decode(k1.encode());

        assertThat(decoded.scheme()).isEqualTo(SignatureScheme.SECP256K1);
        assertThatThrownBy(() -> Ed25519Keypair.fromSuiPrivateKey(k1.encode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an ED25519 key, got SECP256K1");
    }

    @Test
    void suiPrivateKeyRejectsOtherPrefixesAndLengths() {
        String otherPrefix = Bech32.encode("suipubkey", new byte[33]);
        String shortPayload = Bech32.encode("suiprivkey", new byte[32]);

        assertThatThrownBy(() -> SuiPrivateKey.decode(otherPrefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix is 'suipubkey'");
        assertThatThrownBy(() -> SuiPrivateKey.decode(shortPayload))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 32");
    }
}
