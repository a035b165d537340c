package dev.walrussync.engine.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/** Argon2id (version 0x13, {@link Argon2idFunction}), turning a passphrase into a 32-byte key-encryption key. */
final class Argon2id {
    static final int OUTPUT_LENGTH = 32;

    private Argon2id() {}

    /**
     * Derives 32 bytes from the UTF-8 encoding of {@code passphrase} in Unicode NFC, so that the same
     * passphrase typed on different systems (precomposed or decomposed accents) opens the same slot.
     * The caller owns and should wipe the result. Temporary copies of the passphrase are wiped, except
     * the immutable string Java's normalizer returns when the input was not already in NFC.
     *
     * @throws IllegalArgumentException when the passphrase is not valid UTF-16 (an unpaired surrogate)
     */
    static byte[] derive(char[] passphrase, byte[] salt, Argon2Params params) {
        byte[] password = utf8(nfc(passphrase));
        try {
            return Argon2idFunction.hash(
                    password,
                    salt,
                    new byte[0],
                    new byte[0],
                    params.memoryKiB(),
                    params.iterations(),
                    params.parallelism(),
                    OUTPUT_LENGTH);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static char[] nfc(char[] chars) {
        CharBuffer text = CharBuffer.wrap(chars);
        if (Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return chars;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray();
    }

    /** Encodes as UTF-8 into an exactly sized array, wiping the intermediate buffer on every path. */
    private static byte[] utf8(char[] chars) {
        CharsetEncoder encoder = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // UTF-8 needs at most 3 bytes per UTF-16 char (a surrogate pair of 2 chars becomes 4 bytes).
        byte[] buffer = new byte[chars.length * 3];
        try {
            ByteBuffer out = ByteBuffer.wrap(buffer);
            CoderResult result = encoder.encode(CharBuffer.wrap(chars), out, true);
            if (!result.isUnderflow()) {
                throw new IllegalArgumentException("the passphrase is not valid text (it has an unpaired surrogate)");
            }
            encoder.flush(out);
            return Arrays.copyOf(buffer, out.position());
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }
}
