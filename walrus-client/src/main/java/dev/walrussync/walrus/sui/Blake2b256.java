package dev.walrussync.walrus.sui;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Unkeyed Blake2b with a 256-bit output, the hash Sui uses for digests, signing and addresses. */
public final class Blake2b256 {
    private Blake2b256() {}

    /** Hashes the concatenation of {@code parts}. */
    public static byte[] hash(byte[]... parts) {
        Blake2bDigest digest = new Blake2bDigest(256);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
