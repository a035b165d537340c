package dev.walrussync.engine.pack;

import dev.walrussync.engine.crypto.Aead;
import dev.walrussync.engine.crypto.ChunkIdHasher;
import java.security.SecureRandom;
import java.util.Random;

/** Keys and codecs for the pack tests. */
final class PackTestSupport {
    static final SecureRandom RANDOM = new SecureRandom();

    private PackTestSupport() {}

    static byte[] key(int seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return k;
    }

    static Aead aead(int seed) {
        return new Aead(key(seed), RANDOM);
    }

    static ChunkCodec codec(int seed) {
        return new ChunkCodec(aead(seed), new ChunkIdHasher(key(seed + 1000)), 3);
    }

    static byte[] flip(byte[] data, long index) {
        byte[] copy = data.clone();
        copy[(int) index] ^= 0x01;
        return copy;
    }
}
