package dev.walrussync.engine.pack;

import com.github.luben.zstd.Zstd;
import dev.walrussync.engine.crypto.Aead;
import dev.walrussync.engine.crypto.AuthenticationFailedException;
import dev.walrussync.engine.crypto.ChunkIdHasher;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import java.nio.charset.StandardCharsets;

/**
 * Compresses and encrypts chunks, and decrypts, decompresses and verifies them. Thread-safe.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 4.4</a>
 */
public final class ChunkCodec {
    public static final int RAW = 0;
    public static final int ZSTD = 1;
    private static final byte[] AAD_PREFIX = "wsc1".getBytes(StandardCharsets.US_ASCII);

    private final Aead aead;
    private final ChunkIdHasher idHasher;
    private final int zstdLevel;

    public ChunkCodec(Aead aead, ChunkIdHasher idHasher, int zstdLevel) {
        this.aead = aead;
        this.idHasher = idHasher;
        this.zstdLevel = zstdLevel;
    }

    /** A chunk ready to be appended to a pack. */
    public record EncodedChunk(ChunkType type, ChunkId id, int compression, int plainLength, byte[] sealed) {}

    public ChunkId idOf(byte[] plaintext) {
        return idHasher.idOf(plaintext);
    }

    /** Compresses (when that makes it smaller) and encrypts a chunk whose ID is already known. */
    public EncodedChunk encode(ChunkType type, ChunkId id, byte[] plaintext) {
        byte[] body = plaintext;
        int compression = RAW;
        if (plaintext.length > 64) {
            byte[] compressed = Zstd.compress(plaintext, zstdLevel);
            if (compressed.length < plaintext.length) {
                body = compressed;
                compression = ZSTD;
            }
        }
        byte[] sealed = aead.encrypt(body, associatedData(type, compression, id));
        return new EncodedChunk(type, id, compression, plaintext.length, sealed);
    }

    /** Decrypts, decompresses and checks a chunk against its ID. */
    public byte[] decode(PackEntry entry, byte[] sealed) throws AuthenticationFailedException {
        byte[] body = aead.decrypt(sealed, associatedData(entry.type(), entry.compression(), entry.id()));
        byte[] plain;
        if (entry.compression() == ZSTD) {
            try {
                plain = Zstd.decompress(body, entry.plainLength());
            } catch (RuntimeException e) {
                throw new AuthenticationFailedException("chunk " + entry.id() + " does not decompress", e);
            }
        } else if (entry.compression() == RAW) {
            plain = body;
        } else {
            throw new AuthenticationFailedException("chunk " + entry.id() + " has unknown compression");
        }
        if (plain.length != entry.plainLength() || !idHasher.idOf(plain).equals(entry.id())) {
            throw new AuthenticationFailedException("chunk " + entry.id() + " does not match its ID");
        }
        return plain;
    }

    private static byte[] associatedData(ChunkType type, int compression, ChunkId id) {
        byte[] aad = new byte[AAD_PREFIX.length + 2 + ChunkId.LENGTH];
        System.arraycopy(AAD_PREFIX, 0, aad, 0, AAD_PREFIX.length);
        aad[AAD_PREFIX.length] = (byte) type.code();
        aad[AAD_PREFIX.length + 1] = (byte) compression;
        System.arraycopy(id.bytes(), 0, aad, AAD_PREFIX.length + 2, ChunkId.LENGTH);
        return aad;
    }
}
