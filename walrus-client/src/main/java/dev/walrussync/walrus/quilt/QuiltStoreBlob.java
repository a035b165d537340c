package dev.walrussync.walrus.quilt;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One blob to put into a quilt, or one read back out of it: its identifier, bytes and tags.
 *
 * @param identifier unique within the quilt; validated as walrus-core's {@code validate_quilt_identifier}
 * @param data the patch's bytes (not copied)
 * @param tags string tags, stored with the patch and in the quilt index
 */
public record QuiltStoreBlob(String identifier, byte[] data, Map<String, String> tags) {
    /** The longest identifier, in UTF-8 bytes. */
    public static final int MAX_IDENTIFIER_BYTES = 65_535;

    public QuiltStoreBlob {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(data, "data");
        validateIdentifier(identifier);
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** A blob without tags. */
    public static QuiltStoreBlob of(String identifier, byte[] data) {
        return new QuiltStoreBlob(identifier, data, Map.of());
    }

    /**
     * Checks an identifier as Walrus does: not empty, at most 65,535 UTF-8 bytes, no trailing (Unicode) whitespace
     * and no control characters.
     *
     * @throws QuiltException if it is not a valid identifier
     */
    public static void validateIdentifier(String identifier) {
        int bytes = identifier.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_IDENTIFIER_BYTES) {
            throw new QuiltException("identifier too long: " + bytes);
        }
        if (identifier.isEmpty()) {
            throw new QuiltException("identifier is empty");
        }
        int last = identifier.codePointBefore(identifier.length());
        if (isUnicodeWhiteSpace(last)) {
            throw new QuiltException("identifier contains trailing whitespace: " + identifier);
        }
        if (identifier.codePoints().anyMatch(Character::isISOControl)) {
            throw new QuiltException("identifier contains control characters: " + identifier);
        }
    }

    /** Rust's {@code char::is_whitespace}: the Unicode White_Space property. */
    static boolean isUnicodeWhiteSpace(int c) {
        return (c >= 0x09 && c <= 0x0D)
                || c == 0x20
                || c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuiltStoreBlob b
                && identifier.equals(b.identifier)
                && java.util.Arrays.equals(data, b.data)
                && tags.equals(b.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identifier, java.util.Arrays.hashCode(data), tags);
    }

    @Override
    public String toString() {
        return "QuiltStoreBlob[" + identifier + ", " + data.length + " bytes, tags=" + tags + "]";
    }
}
