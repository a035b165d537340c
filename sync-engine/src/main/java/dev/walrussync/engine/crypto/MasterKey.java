package dev.walrussync.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The repository's 32-byte master key. Everything is encrypted under keys derived from it.
 *
 * <p>Callers must {@link #destroy()} it (or use try-with-resources) when done.
 */
public final class MasterKey implements Destroyable, AutoCloseable {
    public static final int LENGTH = 32;
    private static final byte[] SALT = "walrus-sync".getBytes(StandardCharsets.UTF_8);

    private final byte[] key;
    private boolean destroyed;

    private MasterKey(byte[] key) {
        this.key = key;
    }

    public static MasterKey generate(SecureRandom random) {
        byte[] k = new byte[LENGTH];
        random.nextBytes(k);
        return new MasterKey(k);
    }

    /** Takes a copy of the given raw key bytes. */
    public static MasterKey of(byte[] raw) {
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException("a master key has 32 bytes, got " + raw.length);
        }
        return new MasterKey(raw.clone());
    }

    /** Returns a copy of the raw key, which the caller must wipe. */
    public byte[] rawCopy() {
        checkAlive();
        return key.clone();
    }

    /** Derives a 32-byte subkey for one purpose; the caller must wipe it. */
    public byte[] deriveSubkey(String purpose) {
        checkAlive();
        return Hkdf.derive(key, SALT, "v1 " + purpose);
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("master key was destroyed");
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
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
}
