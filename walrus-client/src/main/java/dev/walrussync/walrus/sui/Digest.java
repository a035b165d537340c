package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsException;
import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte Sui digest (object, transaction or chain digest), written in Base58. In BCS it is a {@code vector<u8>}:
 * the length byte {@code 0x20}, then the 32 bytes.
 */
public final class Digest {
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private Digest(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of exactly 32 bytes. */
    public static Digest fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a Sui digest is 32 bytes, got " + bytes.length);
        }
        return new Digest(bytes.clone());
    }

    /**
     * Parses the Base58 text form.
     *
     * @throws IllegalArgumentException when it is not Base58 or does not decode to 32 bytes
     */
    public static Digest parse(String base58) {
        byte[] decoded = Base58.decode(base58);
        if (decoded.length != LENGTH) {
            throw new IllegalArgumentException(
                    "a Sui digest is 32 bytes, '" + base58 + "' decodes to " + decoded.length);
        }
        return new Digest(decoded);
    }

    /** Returns a copy of the 32 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** Writes the BCS form: length {@code 0x20}, then the bytes. */
    public void writeTo(BcsWriter writer) {
        writer.bytes(bytes);
    }

    /** Reads the BCS form and rejects any length other than 32. */
    public static Digest readFrom(BcsReader reader) {
        int start = reader.position();
        byte[] value = reader.bytes();
        if (value.length != LENGTH) {
            throw new BcsException("digest at offset " + start + " must be 32 bytes, got " + value.length);
        }
        return new Digest(value);
    }

    /** Returns the Base58 text form. */
    @Override
    public String toString() {
        return Base58.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
