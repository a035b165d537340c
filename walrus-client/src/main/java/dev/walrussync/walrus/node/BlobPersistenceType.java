package dev.walrussync.walrus.node;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The BCS enum {@code BlobPersistenceType { Permanent, Deletable { object_id: ObjectID } }} carried in storage
 * confirmations.
 */
public sealed interface BlobPersistenceType permits BlobPersistenceType.Permanent, BlobPersistenceType.Deletable {
    /** Length of a Sui object ID in bytes. */
    int OBJECT_ID_LENGTH = 32;

    /** The permanent persistence type. */
    static BlobPersistenceType permanent() {
        return Permanent.INSTANCE;
    }

    /** The deletable persistence type for the Sui {@code Blob} object with the given 32-byte ID. */
    static BlobPersistenceType deletable(byte[] objectId) {
        return new Deletable(objectId);
    }

    /**
     * Parses a Sui object ID in hex, with or without {@code 0x}, left-padding short forms with zeros (as Sui's
     * {@code ObjectID::from_str} does).
     *
     * @throws IllegalArgumentException if the text is not hex or longer than 64 digits
     */
    static byte[] parseObjectId(String text) {
        Objects.requireNonNull(text, "text");
        String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (hex.isEmpty() || hex.length() > 2 * OBJECT_ID_LENGTH) {
            throw new IllegalArgumentException("not a Sui object ID: " + text);
        }
        String padded = "0".repeat(2 * OBJECT_ID_LENGTH - hex.length()) + hex.toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().parseHex(padded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Sui object ID: " + text, e);
        }
    }

    /** A permanent blob: it cannot be deleted before its end epoch. */
    final class Permanent implements BlobPersistenceType {
        private static final Permanent INSTANCE = new Permanent();

        private Permanent() {}

        @Override
        public String toString() {
            return "Permanent";
        }
    }

    /** A deletable blob, identified by the Sui object ID of its {@code Blob} object. */
    final class Deletable implements BlobPersistenceType {
        private final byte[] objectId;

        private Deletable(byte[] objectId) {
            Objects.requireNonNull(objectId, "objectId");
            if (objectId.length != OBJECT_ID_LENGTH) {
                throw new IllegalArgumentException("a Sui object ID has 32 bytes, got " + objectId.length);
            }
            this.objectId = objectId.clone();
        }

        /** A copy of the 32-byte object ID. */
        public byte[] objectId() {
            return objectId.clone();
        }

        /** The object ID as {@code 0x} followed by 64 lower-case hex digits. */
        public String objectIdHex() {
            return "0x" + HexFormat.of().formatHex(objectId);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Deletable other && Arrays.equals(objectId, other.objectId);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(objectId);
        }

        @Override
        public String toString() {
            return "Deletable[" + objectIdHex() + "]";
        }
    }
}
