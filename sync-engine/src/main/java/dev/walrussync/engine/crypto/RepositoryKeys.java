package dev.walrussync.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
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
    private final byte[] markKey;
    private final Aead aead;
    private final Aead walletAead;
    private final ChunkIdHasher idHasher;
    /** HMAC-SHA-256 under the mark subkey (the chunk-ID hasher is an HMAC under another key). */
    private final ChunkIdHasher markHmac;

    private boolean destroyed;

    private RepositoryKeys(
            byte[] encryptionKey,
            byte[] idKey,
            byte[] chunkerKey,
            byte[] walletKey,
            byte[] markKey,
            SecureRandom random) {
        this.encryptionKey = encryptionKey;
        this.idKey = idKey;
        this.chunkerKey = chunkerKey;
        this.walletKey = walletKey;
        this.markKey = markKey;
        this.aead = new Aead(encryptionKey, random);
        this.walletAead = new Aead(walletKey, random);
        this.idHasher = new ChunkIdHasher(idKey);
        this.markHmac = new ChunkIdHasher(markKey);
    }

    public static RepositoryKeys derive(MasterKey masterKey, SecureRandom random) {
        return new RepositoryKeys(
                masterKey.deriveSubkey("encryption"),
                masterKey.deriveSubkey("chunk id"),
                masterKey.deriveSubkey("chunker"),
                masterKey.deriveSubkey("wallet"),
                masterKey.deriveSubkey("blob mark"),
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

    /**
     * The mark of a blob that holds this repository's records: the first 16 bytes of {@code HMAC(K_mark,
     * "walrus-sync records " || blobId)}, base64url without padding. Without the key it cannot be told from
     * random, nor linked to another blob's mark.
     */
    public String markFor(String blobId) {
        if (destroyed) {
            throw new IllegalStateException("the repository keys were destroyed");
        }
        byte[] tag = markHmac.idOf(("walrus-sync records " + blobId).getBytes(StandardCharsets.UTF_8))
                .bytes();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(tag, 16));
    }

    @Override
    public void destroy() {
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(idKey, (byte) 0);
        Arrays.fill(chunkerKey, (byte) 0);
        Arrays.fill(walletKey, (byte) 0);
        Arrays.fill(markKey, (byte) 0);
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
