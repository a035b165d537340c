package dev.walrussync.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.internal.Hex;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests {@link RecoveryPhrase} against the Trezor BIP-39 vectors and its parse errors. */
class RecoveryPhraseTest {
    private static final String ABANDON_ART = "abandon ".repeat(23) + "art";

    @Test
    void wordListResourceIsTheCanonicalBip39EnglishList() throws Exception {
        // sha256 of the canonical english.txt from the BIP-39 repository (2048 lines, each ending in \n).
        // The file here was extracted from the npm packages bip39 3.1.2 and @scure/bip39 2.4.0; both match.
        byte[] bytes;
        try (InputStream in = RecoveryPhrase.class.getResourceAsStream("bip39-english.txt")) {
            assertThat(in).isNotNull();
            bytes = in.readAllBytes();
        }
        assertThat(Hex.encode(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
        assertThat(Bip39WordList.word(0)).isEqualTo("abandon");
        assertThat(Bip39WordList.word(2047)).isEqualTo("zoo");
        assertThat(Bip39WordList.indexOf("zoo")).isEqualTo(2047);
        assertThat(Bip39WordList.indexOf("walrus")).isEqualTo(-1);
    }

    /** The 32-byte English vectors of trezor/python-mnemonic vectors.json. */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000000000000000000000000000000000000000000000000000, abandon abandon abandon abandon abandon"
                + " abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
                + " abandon abandon abandon abandon abandon abandon art",
        "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f, legal winner thank year wave sausage"
                + " worth useful legal winner thank year wave sausage worth useful legal winner thank year wave"
                + " sausage worth title",
        "8080808080808080808080808080808080808080808080808080808080808080, letter advice cage absurd amount doctor"
                + " acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd"
                + " amount doctor acoustic bless",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo"
                + " zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote",
        "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c, hamster diagram private dutch cause"
                + " delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word"
                + " shrug inflict delay length",
        "9f6a2878b2520799a44ef18bc7df394e7061a224d2c33cd015b157d746869863, panda eyebrow bullet gorilla call smoke"
                + " muffin taste mesh discover soft ostrich alcohol speed nation flash devote level hobby quick inner"
                + " drive ghost inside",
        "066dca1a2bb7e8a1db2832148ce9933eea0f3ac9548d793112d9a95c9407efad, all hour make first leader extend hole"
                + " alien behind guard gospel lava path output census museum junior mass reopen famous sing advance"
                + " salt reform",
        "f585c11aec520db57dd353c69554b21a89b20fb0650966fa0a9d6f74fd989d8f, void come effort suffer camp survey"
                + " warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist"
                + " slush involve unfold",
    })
    void entropyAndWordsMatchTrezorVectors(String entropyHex, String mnemonic) {
        try (RecoveryPhrase fromEntropy = RecoveryPhrase.ofEntropy(Hex.decode(entropyHex))) {
            assertThat(String.join(" ", fromEntropy.words())).isEqualTo(mnemonic);
        }
        try (RecoveryPhrase parsed = RecoveryPhrase.parse(mnemonic)) {
            assertThat(Hex.encode(parsed.entropyCopy())).isEqualTo(entropyHex);
        }
    }

    @Test
    void generatedPhraseRoundTripsThroughItsWords() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 50; i++) {
            try (RecoveryPhrase phrase = RecoveryPhrase.generate(random)) {
                assertThat(phrase.words()).hasSize(24);
                try (RecoveryPhrase parsed = RecoveryPhrase.parse(String.join(" ", phrase.words()))) {
                    assertThat(parsed.entropyCopy()).isEqualTo(phrase.entropyCopy());
                }
            }
        }
    }

    @Test
    void parseAcceptsAnyWhitespaceAndCase() {
        String messy = "  \n\tABANDON abandon\u00a0Abandon\r\n" + "abandon  ".repeat(20) + "\u3000ART \n";
        try (RecoveryPhrase phrase = RecoveryPhrase.parse(messy)) {
            assertThat(String.join(" ", phrase.words())).isEqualTo(ABANDON_ART);
            assertThat(phrase.entropyCopy()).isEqualTo(new byte[32]);
        }
    }

    @Test
    void toStringDoesNotRevealTheWords() {
        try (RecoveryPhrase phrase = RecoveryPhrase.parse(ABANDON_ART)) {
            assertThat(phrase).hasToString("RecoveryPhrase[24 words]");
        }
    }

    @Test
    void destroyWipesTheEntropyAndBlocksAccess() {
        RecoveryPhrase phrase = RecoveryPhrase.generate(new SecureRandom());
        phrase.destroy();
        assertThat(phrase.isDestroyed()).isTrue();
        assertThatThrownBy(phrase::words).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(phrase::entropyCopy).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parseRejectsWrongWordCount() {
        assertThatThrownBy(() -> RecoveryPhrase.parse("abandon ".repeat(23)))
                .isInstanceOf(InvalidRecoveryPhraseException.class)
                .hasMessage("a recovery phrase has 24 words, got 23");
        assertThatThrownBy(() -> RecoveryPhrase.parse(ABANDON_ART + " art"))
                .hasMessage("a recovery phrase has 24 words, got 25");
        assertThatThrownBy(() -> RecoveryPhrase.parse(" \n "))
                .isInstanceOf(InvalidRecoveryPhraseException.class)
                .hasMessage("a recovery phrase has 24 words, got 0");
    }

    @Test
    void parseNamesTheUnknownWordAndItsPosition() {
        List<String> words = new ArrayList<>(Collections.nCopies(23, "abandon"));
        words.add("art");
        words.set(4, "abandn");
        assertThatThrownBy(() -> RecoveryPhrase.parse(String.join(" ", words)))
                .isInstanceOf(InvalidRecoveryPhraseException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word 5, 'abandn', is not in the BIP-39 English word list");
    }

    @Test
    void parseRejectsAChecksumMismatch() {
        // Swapping two words keeps every word valid but breaks the checksum.
        String swapped = "art " + "abandon ".repeat(22) + "abandon";
        assertThatThrownBy(() -> RecoveryPhrase.parse(swapped))
                .isInstanceOf(InvalidRecoveryPhraseException.class)
                .hasMessage("the words are all valid but the checksum does not match: check the order and spelling");
    }

    @Test
    void ofEntropyRejectsWrongLength() {
        assertThatThrownBy(() -> RecoveryPhrase.ofEntropy(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
