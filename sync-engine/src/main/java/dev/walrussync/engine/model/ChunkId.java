package dev.walrussync.engine.model;

import dev.walrussync.engine.internal.Hex;
import java.util.Arrays;

/**
 * The keyed 32-byte ID of a chunk: HMAC-SHA-256 of its plaintext under the repository's ID key.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 4.2</a>
 */
public final class ChunkId implements Comparable<ChunkId> {
    public static final int LENGTH = 32;

    private final byte[] bytes;
    private final int hash;

    private ChunkId(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Wraps a copy of the given 32 bytes. */
    public static ChunkId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a chunk ID has 32 bytes, got " + bytes.length);
        }
        return new ChunkId(bytes.clone());
    }

    /** Parses 64 hex characters. */
    public static ChunkId fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return Hex.encode(bytes);
    }

    /** The first 8 hex characters, as tools show snapshot IDs. */
    public String shortHex() {
        return hex().substring(0, 8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(ChunkId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
