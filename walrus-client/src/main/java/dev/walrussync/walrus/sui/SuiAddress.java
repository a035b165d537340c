package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;

/** A 32-byte Sui address or object ID, written as {@code 0x} and 64 lowercase hex digits. */
public final class SuiAddress implements Comparable<SuiAddress> {
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    /** {@code 0x0}. */
    public static final SuiAddress ZERO = new SuiAddress(new byte[LENGTH]);
    /** {@code 0x1}, the Move standard library. */
    public static final SuiAddress MOVE_STDLIB = parse("0x1");
    /** {@code 0x2}, the Sui framework. */
    public static final SuiAddress SUI_FRAMEWORK = parse("0x2");

    private final byte[] bytes;

    private SuiAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of exactly 32 bytes. */
    public static SuiAddress fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a Sui address is 32 bytes, got " + bytes.length);
        }
        return new SuiAddress(bytes.clone());
    }

    /**
     * Parses {@code 0x}-prefixed (or bare) hex of 1 to 64 digits in either case; short forms such as {@code 0x2}
     * are padded with leading zeros.
     *
     * @throws IllegalArgumentException when the text is not such hex
     */
    public static SuiAddress parse(String text) {
        String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (hex.isEmpty() || hex.length() > 2 * LENGTH) {
            throw new IllegalArgumentException("a Sui address has 1 to 64 hex digits: '" + text + "'");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                throw new IllegalArgumentException("invalid hex digit in Sui address: '" + text + "'");
            }
        }
        String padded = "0".repeat(2 * LENGTH - hex.length()) + hex;
        return new SuiAddress(HEX.parseHex(padded));
    }

    /** Derives the address of an Ed25519 public key: Blake2b-256 of flag {@code 0x00} and the 32 key bytes. */
    public static SuiAddress fromEd25519PublicKey(byte[] publicKey) {
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + publicKey.length);
        }
        return new SuiAddress(Blake2b256.hash(new byte[] {SignatureScheme.ED25519.flag()}, publicKey));
    }

    /** Returns a copy of the 32 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Writes the 32 bytes with no length prefix, as BCS {@code Address}. */
    public void writeTo(BcsWriter writer) {
        writer.fixedBytes(bytes);
    }

    /** Reads 32 raw bytes, as BCS {@code Address}. */
    public static SuiAddress readFrom(BcsReader reader) {
        return new SuiAddress(reader.fixedBytes(LENGTH));
    }

    /** Returns {@code 0x} and the shortest hex form, e.g. {@code 0x2}. */
    public String toShortString() {
        String full = HEX.formatHex(bytes);
        int i = 0;
        while (i < full.length() - 1 && full.charAt(i) == '0') {
            i++;
        }
        return "0x" + full.substring(i);
    }

    /** Returns {@code 0x} and 64 lowercase hex digits. */
    @Override
    public String toString() {
        return "0x" + HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuiAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(SuiAddress other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }
}
