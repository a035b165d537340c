package dev.walrussync.walrus.encoding;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** A reusable, single-threaded Blake2b-256 hasher (Bouncy Castle) with the helpers the Merkle trees need. */
final class Blake2b256 {
    static final int LENGTH = 32;

    private final Blake2bDigest digest = new Blake2bDigest(LENGTH * 8);

    /** H(prefix ‖ data[off..off+len)) into out[outOff..]. */
    void hash(byte prefix, byte[] data, int off, int len, byte[] out, int outOff) {
        digest.update(prefix);
        digest.update(data, off, len);
        digest.doFinal(out, outOff);
    }

    /** H(parts...) as a new array. */
    byte[] hash(byte[]... parts) {
        for (byte[] p : parts) {
            digest.update(p, 0, p.length);
        }
        byte[] out = new byte[LENGTH];
        digest.doFinal(out, 0);
        return out;
    }
}
