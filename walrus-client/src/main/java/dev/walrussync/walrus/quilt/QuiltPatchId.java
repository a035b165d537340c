package dev.walrussync.walrus.quilt;

import dev.walrussync.walrus.encoding.BlobId;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A quilt patch ID: the quilt's blob ID and the patch's internal ID {@code 0x01 ‖ start u16 LE ‖ end u16 LE} (its
 * column range), 37 bytes written as 50 characters of URL-safe base64 without padding.
 *
 * @param quiltId the quilt's blob ID
 * @param startIndex the first column of the patch
 * @param endIndex one past the last column of the patch
 */
public record QuiltPatchId(BlobId quiltId, int startIndex, int endIndex) {
    /** Bytes of the binary form. */
    public static final int LENGTH = BlobId.LENGTH + 5;
    /** Characters of the text form. */
    public static final int TEXT_LENGTH = 50;

    public QuiltPatchId {
        Objects.requireNonNull(quiltId, "quiltId");
        if (startIndex < 0 || startIndex > 0xFFFF || endIndex < 0 || endIndex > 0xFFFF) {
            throw new IllegalArgumentException("column indices are u16, got " + startIndex + ".." + endIndex);
        }
    }

    /** The 5-byte internal ID ({@code QuiltPatchInternalIdV1}). */
    public byte[] internalId() {
        return new byte[] {
            QuiltV1.VERSION, (byte) startIndex, (byte) (startIndex >>> 8), (byte) endIndex, (byte) (endIndex >>> 8)
        };
    }

    /** The 37 bytes. */
    public byte[] toBytes() {
        byte[] out = Arrays.copyOf(quiltId.bytes(), LENGTH);
        System.arraycopy(internalId(), 0, out, BlobId.LENGTH, 5);
        return out;
    }

    /**
     * Parses the 50-character text form.
     *
     * @throws IllegalArgumentException if it is not a V1 quilt patch ID
     */
    public static QuiltPatchId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() != TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "a quilt patch ID has " + TEXT_LENGTH + " base64url characters, got " + text.length());
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a quilt patch ID is URL-safe base64: " + text, e);
        }
        if (raw.length != LENGTH || raw[BlobId.LENGTH] != QuiltV1.VERSION) {
            throw new IllegalArgumentException("not a QuiltV1 patch ID: " + text);
        }
        int start = (raw[33] & 0xFF) | (raw[34] & 0xFF) << 8;
        int end = (raw[35] & 0xFF) | (raw[36] & 0xFF) << 8;
        return new QuiltPatchId(BlobId.of(Arrays.copyOf(raw, BlobId.LENGTH)), start, end);
    }

    @Override
    public String toString() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(toBytes());
    }
}
