package dev.walrussync.walrus.encoding;

import dev.walrussync.walrus.bcs.BcsWriter;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A 32-byte Walrus blob ID: {@code Blake2b-256(encoding type ‖ unencoded length as u64 LE ‖ Merkle root)}.
 *
 * <p>Its text form is URL-safe base64 without padding (43 characters). On chain it is a {@code u256} equal to the
 * 32 bytes read little-endian, usually shown in decimal.
 */
public final class BlobId implements Comparable<BlobId> {
    public static final int LENGTH = 32;
    /** Length of the text form. */
    public static final int TEXT_LENGTH = 43;

    private static final BigInteger U256_LIMIT = BigInteger.ONE.shiftLeft(256);

    private final byte[] bytes;
    private final int hash;

    private BlobId(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Wraps a copy of the given 32 bytes. */
    public static BlobId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a blob ID has 32 bytes, got " + bytes.length);
        }
        return new BlobId(bytes.clone());
    }

    /** The RS2 blob ID of a blob of {@code unencodedLength} bytes whose metadata has the given Merkle root. */
    public static BlobId derive(long unencodedLength, byte[] rootHash) {
        if (rootHash.length != MerkleTree.DIGEST_LENGTH) {
            throw new IllegalArgumentException("a root hash has 32 bytes, got " + rootHash.length);
        }
        byte[] prefix = new BcsWriter()
                .u8(EncodingConfig.ENCODING_TYPE_RS2)
                .u64(unencodedLength)
                .toByteArray();
        return new BlobId(new Blake2b256().hash(prefix, rootHash));
    }

    /**
     * Parses the 43-character URL-safe base64 text form (no padding).
     *
     * @throws IllegalArgumentException if the text is not a blob ID
     */
    public static BlobId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() != TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "a blob ID has " + TEXT_LENGTH + " base64url characters, got " + text.length());
        }
        byte[] decoded = Base64.getUrlDecoder().decode(text);
        BlobId id = new BlobId(decoded);
        if (!id.toString().equals(text)) {
            throw new IllegalArgumentException("non-canonical blob ID text " + text);
        }
        return id;
    }

    /** Parses 64 hex characters. */
    public static BlobId fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /**
     * The blob ID whose on-chain u256 value is {@code value} (bytes in little-endian order).
     *
     * @throws IllegalArgumentException if the value is negative or does not fit in 256 bits
     */
    public static BlobId fromU256(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(U256_LIMIT) >= 0) {
            throw new IllegalArgumentException("not a u256: " + value);
        }
        byte[] be = value.toByteArray();
        byte[] le = new byte[LENGTH];
        for (int i = 0; i < be.length && i < LENGTH; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return new BlobId(le);
    }

    /** The blob ID whose on-chain u256 value has the given decimal form. */
    public static BlobId fromU256Decimal(String decimal) {
        return fromU256(new BigInteger(decimal));
    }

    /** The on-chain u256 value: the 32 bytes read little-endian. */
    public BigInteger toU256() {
        byte[] be = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            be[i] = bytes[LENGTH - 1 - i];
        }
        return new BigInteger(1, be);
    }

    /** The on-chain u256 value in decimal. */
    public String toU256Decimal() {
        return toU256().toString();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The URL-safe base64 text form without padding. */
    @Override
    public String toString() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlobId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(BlobId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    byte[] rawBytes() {
        return bytes;
    }
}
