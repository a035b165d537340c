package dev.walrussync.engine.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The subkeys of an unlocked repository: encryption, chunk IDs, the chunker and the wallet.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 3.1</a>
 */
public final class RepositoryKeys implements Destroyable, AutoCloseable {
    private final byte[] encryptionKey;
    private final byte[] idKey;
    private final byte[] chunkerKey;
    private final byte[] walletKey;
    private final Aead aead;
    private final Aead walletAead;
    private final ChunkIdHasher idHasher;
    private boolean destroyed;

    private RepositoryKeys(
            byte[] encryptionKey, byte[] idKey, byte[] chunkerKey, byte[] walletKey, SecureRandom random) {
        this.encryptionKey = encryptionKey;
        this.idKey = idKey;
        this.chunkerKey = chunkerKey;
        this.walletKey = walletKey;
        this.aead = new Aead(encryptionKey, random);
        this.walletAead = new Aead(walletKey, random);
        this.idHasher = new ChunkIdHasher(idKey);
    }

    public static RepositoryKeys derive(MasterKey masterKey, SecureRandom random) {
        return new RepositoryKeys(
                masterKey.deriveSubkey("encryption"),
                masterKey.deriveSubkey("chunk id"),
                masterKey.deriveSubkey("chunker"),
                masterKey.deriveSubkey("wallet"),
                random);
    }

    /** AES-256-GCM under the encryption subkey. */
    public Aead aead() {
        return aead;
    }

    /** AES-256-GCM under the wallet subkey, which seals the wallet's private key in the app home. */
    public Aead walletAead() {
        return walletAead;
    }

    public ChunkIdHasher idHasher() {
        return idHasher;
    }

    /** Returns a copy of the chunker subkey, which the caller must wipe. */
    public byte[] chunkerKey() {
        return chunkerKey.clone();
    }

    @Override
    public void destroy() {
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(idKey, (byte) 0);
        Arrays.fill(chunkerKey, (byte) 0);
        Arrays.fill(walletKey, (byte) 0);
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
