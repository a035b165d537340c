package dev.walrussync.engine.pack;

import dev.walrussync.engine.crypto.Aead;
import dev.walrussync.engine.crypto.AuthenticationFailedException;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The encrypted, self-describing header at the end of every pack.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 5.1</a>
 */
public final class PackHeader {
    static final int VERSION = 1;
    static final int ENTRY_LENGTH = 1 + 1 + ChunkId.LENGTH + 8 + 4 + 4;
    static final int MIN_PADDED_LENGTH = 1024;
    /** Bytes of the length field that ends every pack. */
    public static final int TRAILER_LENGTH = 4;

    private static final byte[] AAD = "wsp1".getBytes(StandardCharsets.US_ASCII);

    private PackHeader() {}

    /** The length of the encrypted header of a pack with {@code entries} chunks. */
    static int encryptedLength(int entries) {
        return paddedPlainLength(entries) + Aead.OVERHEAD;
    }

    private static int paddedPlainLength(int entries) {
        int plainLength = 1 + 4 + entries * ENTRY_LENGTH;
        return (int) Padme.pad(Math.max(plainLength, MIN_PADDED_LENGTH));
    }

    /** Serializes, pads and encrypts the header. */
    static byte[] encrypt(List<PackEntry> entries, Aead aead) {
        int padded = paddedPlainLength(entries.size());
        ByteBuffer buf = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) VERSION).putInt(entries.size());
        putEntries(buf, entries);
        return aead.encrypt(buf.array(), AAD);
    }

    /** The entries in the header's layout, {@value #ENTRY_LENGTH} bytes each, without count or padding. */
    public static byte[] encodeEntries(List<PackEntry> entries) {
        ByteBuffer buf = ByteBuffer.allocate(entries.size() * ENTRY_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        putEntries(buf, entries);
        return buf.array();
    }

    /** Parses what {@link #encodeEntries} wrote. */
    public static List<PackEntry> decodeEntries(byte[] encoded) {
        if (encoded.length % ENTRY_LENGTH != 0) {
            throw new IllegalArgumentException(
                    encoded.length + " bytes are not a whole number of " + ENTRY_LENGTH + "-byte pack entries");
        }
        return readEntries(ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN), encoded.length / ENTRY_LENGTH);
    }

    private static void putEntries(ByteBuffer buf, List<PackEntry> entries) {
        for (PackEntry e : entries) {
            buf.put((byte) e.type().code())
                    .put((byte) e.compression())
                    .put(e.id().bytes())
                    .putLong(e.offset())
                    .putInt(e.length())
                    .putInt(e.plainLength());
        }
    }

    private static List<PackEntry> readEntries(ByteBuffer buf, int count) {
        List<PackEntry> entries = new ArrayList<>(count);
        byte[] id = new byte[ChunkId.LENGTH];
        for (int i = 0; i < count; i++) {
            ChunkType type = ChunkType.fromCode(buf.get() & 0xff);
            int compression = buf.get() & 0xff;
            buf.get(id);
            entries.add(new PackEntry(type, compression, ChunkId.of(id), buf.getLong(), buf.getInt(), buf.getInt()));
        }
        return entries;
    }

    /** Decrypts and parses an encrypted header; throws if it was not written under this key. */
    public static List<PackEntry> decrypt(byte[] encrypted, Aead aead) throws AuthenticationFailedException {
        byte[] plain = aead.decrypt(encrypted, AAD);
        ByteBuffer buf = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
        int version = buf.get() & 0xff;
        if (version != VERSION) {
            throw new AuthenticationFailedException("unsupported pack header version " + version);
        }
        int count = buf.getInt();
        if (count < 0 || (long) count * ENTRY_LENGTH > buf.remaining()) {
            throw new AuthenticationFailedException("pack header claims " + count + " entries");
        }
        try {
            return readEntries(buf, count);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("pack header: " + e.getMessage());
        }
    }

    /** Reads the header length from the last 4 bytes of a pack. */
    public static int lengthFromTrailer(byte[] trailer) {
        return ByteBuffer.wrap(trailer, trailer.length - TRAILER_LENGTH, TRAILER_LENGTH)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
    }
}
