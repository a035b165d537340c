package dev.walrussync.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our Argon2id against RFC 9106's test vector and against Bouncy Castle's implementation. */
class Argon2idFunctionTest {
    @Test
    void matchesTheRfc9106TestVector() {
        // RFC 9106, section 5.3: Argon2id, 32 KiB, 3 passes, 4 lanes, 32-byte tag.
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] ad = filled(12, 0x04);

        byte[] tag = Argon2idFunction.hash(password, salt, secret, ad, 32, 3, 4, 32);

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    static Stream<Arguments> parameters() {
        return Stream.of(
                Arguments.of(8, 1, 1, 0),
                Arguments.of(64, 1, 1, 1),
                Arguments.of(256, 2, 1, 2),
                Arguments.of(256, 2, 2, 3),
                Arguments.of(1024, 3, 4, 4),
                Arguments.of(1000, 1, 3, 5),
                Arguments.of(2048, 1, 1, 6));
    }

    @ParameterizedTest
    @MethodSource("parameters")
    void agreesWithBouncyCastle(int memoryKiB, int iterations, int lanes, long seed) {
        Random random = new Random(seed);
        byte[] password = new byte[random.nextInt(40)];
        byte[] salt = new byte[16];
        random.nextBytes(password);
        random.nextBytes(salt);

        byte[] ours = Argon2idFunction.hash(password, salt, new byte[0], new byte[0], memoryKiB, iterations, lanes, 32);

        Argon2BytesGenerator bc = new Argon2BytesGenerator();
        bc.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(lanes)
                .build());
        byte[] theirs = new byte[32];
        bc.generateBytes(password, theirs);
        assertThat(ours).isEqualTo(theirs);
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
