package dev.walrussync.engine.chunk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed gear table of FastCDC: 256 pseudo-random 64-bit values derived from the chunker subkey.
 *
 * <p>Entry {@code i} is the first 8 bytes, read as a little-endian integer, of {@code
 * HMAC-SHA-256(chunkerKey, "gear" || byte(i))}. Instances are immutable.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 4.1</a>
 */
public final class GearTable {
    /** The number of entries, one per byte value. */
    public static final int SIZE = 256;

    private static final byte[] LABEL = "gear".getBytes(StandardCharsets.US_ASCII);

    private final long[] entries;

    private GearTable(long[] entries) {
        this.entries = entries;
    }

    /** Derives the table from the chunker subkey {@code K_cdc}; the key array is not retained. */
    public static GearTable derive(byte[] chunkerKey) {
        if (chunkerKey.length == 0) {
            throw new IllegalArgumentException("the chunker key is empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(chunkerKey, "HmacSHA256"));
            long[] entries = new long[SIZE];
            for (int i = 0; i < SIZE; i++) {
                mac.update(LABEL);
                mac.update((byte) i);
                entries[i] = littleEndianLong(mac.doFinal());
            }
            return new GearTable(entries);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Returns the entry for byte value {@code index} (0 to 255). */
    public long entry(int index) {
        return entries[index];
    }

    /** Returns a copy of all 256 entries, indexed by unsigned byte value. */
    long[] entries() {
        return entries.clone();
    }

    private static long littleEndianLong(byte[] bytes) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[i] & 0xFFL);
        }
        return value;
    }
}
