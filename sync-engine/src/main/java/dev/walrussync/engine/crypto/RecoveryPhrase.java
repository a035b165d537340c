package dev.walrussync.engine.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.security.auth.Destroyable;

/**
 * A recovery phrase: 32 bytes of entropy shown to the user as 24 BIP-39 English words (256 bits of
 * entropy plus an 8-bit SHA-256 checksum).
 *
 * <p>Only the entropy is kept; the words are computed on demand. {@link #toString()} never reveals
 * them. Callers should {@link #destroy()} the phrase (or use try-with-resources) when done.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 3.2</a>
 */
public final class RecoveryPhrase implements Destroyable, AutoCloseable {
    /** Bytes of entropy behind a phrase. */
    public static final int ENTROPY_LENGTH = 32;
    /** Words in a phrase. */
    public static final int WORD_COUNT = 24;

    private static final int BITS_PER_WORD = 11;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final byte[] entropy;
    private boolean destroyed;

    private RecoveryPhrase(byte[] entropy) {
        this.entropy = entropy;
    }

    /** Draws 32 bytes of entropy from {@code random}. */
    public static RecoveryPhrase generate(SecureRandom random) {
        byte[] entropy = new byte[ENTROPY_LENGTH];
        random.nextBytes(entropy);
        return new RecoveryPhrase(entropy);
    }

    /** Takes a copy of 32 bytes of entropy. */
    public static RecoveryPhrase ofEntropy(byte[] entropy) {
        if (entropy.length != ENTROPY_LENGTH) {
            throw new IllegalArgumentException(
                    "a recovery phrase holds " + ENTROPY_LENGTH + " bytes of entropy, got " + entropy.length);
        }
        return new RecoveryPhrase(entropy.clone());
    }

    /**
     * Parses 24 words separated by any whitespace, ignoring case and surrounding whitespace.
     *
     * @throws InvalidRecoveryPhraseException with a message for the user when the word count is
     *     wrong, a word is not in the list, or the checksum does not match
     */
    public static RecoveryPhrase parse(String text) {
        Objects.requireNonNull(text, "text");
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKD);
        List<String> tokens = new ArrayList<>(WORD_COUNT);
        for (String token : WHITESPACE.split(normalized)) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        if (tokens.size() != WORD_COUNT) {
            throw new InvalidRecoveryPhraseException(
                    "a recovery phrase has " + WORD_COUNT + " words, got " + tokens.size());
        }
        byte[] bits = new byte[ENTROPY_LENGTH + 1];
        try {
            for (int i = 0; i < WORD_COUNT; i++) {
                int index = Bip39WordList.indexOf(tokens.get(i).toLowerCase(Locale.ROOT));
                if (index < 0) {
                    throw new InvalidRecoveryPhraseException(
                            "word " + (i + 1) + ", '" + tokens.get(i) + "', is not in the BIP-39 English word list");
                }
                writeWord(bits, i, index);
            }
            byte[] entropy = Arrays.copyOf(bits, ENTROPY_LENGTH);
            if (checksum(entropy) != bits[ENTROPY_LENGTH]) {
                Arrays.fill(entropy, (byte) 0);
                throw new InvalidRecoveryPhraseException(
                        "the words are all valid but the checksum does not match: check the order and spelling");
            }
            return new RecoveryPhrase(entropy);
        } finally {
            Arrays.fill(bits, (byte) 0);
        }
    }

    /** Returns the 24 words, lower case, in order. */
    public List<String> words() {
        checkAlive();
        byte[] bits = Arrays.copyOf(entropy, ENTROPY_LENGTH + 1);
        try {
            bits[ENTROPY_LENGTH] = checksum(entropy);
            List<String> words = new ArrayList<>(WORD_COUNT);
            for (int i = 0; i < WORD_COUNT; i++) {
                words.add(Bip39WordList.word(readWord(bits, i)));
            }
            return List.copyOf(words);
        } finally {
            Arrays.fill(bits, (byte) 0);
        }
    }

    /** Returns a copy of the 32 bytes of entropy, which the caller must wipe. */
    public byte[] entropyCopy() {
        checkAlive();
        return entropy.clone();
    }

    /** Returns {@code "RecoveryPhrase[24 words]"}, never the words. */
    @Override
    public String toString() {
        return "RecoveryPhrase[" + WORD_COUNT + " words]";
    }

    @Override
    public void destroy() {
        Arrays.fill(entropy, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("recovery phrase was destroyed");
        }
    }

    /** The first byte of SHA-256 of the entropy: 8 checksum bits for 256 bits of entropy. */
    private static byte checksum(byte[] entropy) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(entropy);
            byte first = digest[0];
            Arrays.fill(digest, (byte) 0);
            return first;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static int readWord(byte[] bits, int wordIndex) {
        int value = 0;
        for (int b = 0; b < BITS_PER_WORD; b++) {
            int bit = wordIndex * BITS_PER_WORD + b;
            value = (value << 1) | ((bits[bit >>> 3] >>> (7 - (bit & 7))) & 1);
        }
        return value;
    }

    private static void writeWord(byte[] bits, int wordIndex, int value) {
        for (int b = 0; b < BITS_PER_WORD; b++) {
            if (((value >>> (BITS_PER_WORD - 1 - b)) & 1) != 0) {
                int bit = wordIndex * BITS_PER_WORD + b;
                bits[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
            }
        }
    }
}
