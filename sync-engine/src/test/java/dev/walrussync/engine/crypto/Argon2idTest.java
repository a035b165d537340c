package dev.walrussync.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.internal.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests {@link Argon2id} against the reference implementation's vectors and {@link Argon2Params} validation. */
class Argon2idTest {
    private static final byte[] SOMESALT = "somesalt".getBytes(StandardCharsets.US_ASCII);

    @Test
    void derivationMatchesReferenceImplementationVectors() {
        // Argon2id v0x13 vectors from the phc-winner-argon2 test suite (src/test.c): t=2, m=2^8, p=1 and p=2.
        assertThat(Hex.encode(Argon2id.derive("password".toCharArray(), SOMESALT, new Argon2Params(256, 2, 1))))
                .isEqualTo("9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe");
        assertThat(Hex.encode(Argon2id.derive("password".toCharArray(), SOMESALT, new Argon2Params(256, 2, 2))))
                .isEqualTo("6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037");
    }

    @Test
    void derivationLeavesThePassphraseUntouched() {
        char[] passphrase = "p\u00e4ssw\u00f6rd \uD83E\uDDAD".toCharArray();
        Argon2id.derive(passphrase, SOMESALT, new Argon2Params(64, 1, 1));
        assertThat(new String(passphrase)).isEqualTo("p\u00e4ssw\u00f6rd \uD83E\uDDAD");
    }

    @Test
    void derivationRejectsUnpairedSurrogate() {
        assertThatThrownBy(() -> Argon2id.derive(new char[] {'a', '\uD83E'}, SOMESALT, new Argon2Params(64, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    @Test
    void paramsDefaultIs64MiBThreeIterationsOneLane() {
        assertThat(Argon2Params.DEFAULT).isEqualTo(new Argon2Params(47104, 1, 1));
    }

    @Test
    void paramsRejectOutOfRangeValues() {
        assertThatThrownBy(() -> new Argon2Params(1024, 0, 1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new Argon2Params(1024, 101, 1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new Argon2Params(1024, 1, 0)).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> new Argon2Params(15, 1, 2)).hasMessageContaining("memory");
        assertThatThrownBy(() -> new Argon2Params(Argon2Params.MAX_MEMORY_KIB + 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memory");
    }
}
