package dev.walrussync.engine.crypto;

import dev.walrussync.engine.model.ChunkId;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Computes keyed chunk IDs, HMAC-SHA-256 under the ID subkey. Thread-safe. */
public final class ChunkIdHasher {
    private final ThreadLocal<Mac> macs;

    /** Keeps a reference to {@code idKey}; the caller keeps ownership of the array. */
    public ChunkIdHasher(byte[] idKey) {
        SecretKeySpec spec = new SecretKeySpec(idKey, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-256 is not available", e);
            }
        });
    }

    public ChunkId idOf(byte[] data, int offset, int length) {
        Mac mac = macs.get();
        mac.update(data, offset, length);
        return ChunkId.of(mac.doFinal());
    }

    public ChunkId idOf(byte[] data) {
        return idOf(data, 0, data.length);
    }
}
