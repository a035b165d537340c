package dev.walrussync.engine.pack;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import dev.walrussync.engine.crypto.Aead;
import dev.walrussync.engine.crypto.AuthenticationFailedException;
import dev.walrussync.engine.crypto.ChunkIdHasher;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Compresses and encrypts chunks, and decrypts, decompresses and verifies them. Thread-safe.
 *
 * <p>Work happens in a {@link Scratch}: a zstd context and buffers that are reused from chunk to
 * chunk instead of allocated for every megabyte. Scratches are pooled here, not kept per thread,
 * because zstd contexts hold native memory that nothing would free when a thread ends; the pool
 * never holds more scratches than were in use at once, and {@link #close()} frees them.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 4.4</a>
 */
public final class ChunkCodec implements AutoCloseable {
    public static final int RAW = 0;
    public static final int ZSTD = 1;
    private static final byte[] AAD_PREFIX = "wsc1".getBytes(StandardCharsets.US_ASCII);
    /** A scratch buffer larger than this (from an unusually large chunk) is not kept for reuse. */
    private static final int KEEP_BUFFER_LIMIT = 4 << 20;

    private final Aead aead;
    private final ChunkIdHasher idHasher;
    private final int zstdLevel;
    private final ConcurrentLinkedQueue<Scratch> pool = new ConcurrentLinkedQueue<>();

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

    /**
     * Reusable zstd contexts and buffers for one thread at a time; get one with {@link #scratch()} and
     * close it to give it back.
     */
    public final class Scratch implements AutoCloseable {
        private final ZstdCompressCtx compressor = new ZstdCompressCtx().setLevel(zstdLevel);
        private final ZstdDecompressCtx decompressor = new ZstdDecompressCtx();
        private byte[] compressed = new byte[0];
        private byte[] body = new byte[0];
        private byte[] plain = new byte[0];

        private Scratch() {}

        /** The plaintext of the last {@link #decode(PackEntry, byte[], Scratch)}; valid until the next call. */
        public byte[] plain() {
            return plain;
        }

        @Override
        public void close() {
            if (compressed.length > KEEP_BUFFER_LIMIT) {
                compressed = new byte[0];
            }
            if (body.length > KEEP_BUFFER_LIMIT) {
                body = new byte[0];
            }
            if (plain.length > KEEP_BUFFER_LIMIT) {
                plain = new byte[0];
            }
            pool.add(this);
        }

        private void free() {
            compressor.close();
            decompressor.close();
        }
    }

    /** A scratch from the pool (or a new one); close it to return it. */
    public Scratch scratch() {
        Scratch s = pool.poll();
        return s != null ? s : new Scratch();
    }

    /** Compresses (when that makes it smaller) and encrypts a chunk whose ID is already known. */
    public EncodedChunk encode(ChunkType type, ChunkId id, byte[] plaintext) {
        try (Scratch s = scratch()) {
            return encode(type, id, plaintext, s);
        }
    }

    /**
     * As {@link #encode(ChunkType, ChunkId, byte[])}, compressing into the scratch's buffer and encrypting
     * straight from it, so that the sealed chunk is the only new array.
     */
    public EncodedChunk encode(ChunkType type, ChunkId id, byte[] plaintext, Scratch s) {
        byte[] body = plaintext;
        int bodyLength = plaintext.length;
        int compression = RAW;
        if (plaintext.length > 64) {
            int bound = (int) Zstd.compressBound(plaintext.length);
            if (s.compressed.length < bound) {
                s.compressed = new byte[bound];
            }
            // The same frame Zstd.compress(plaintext, level) makes: it too uses a context with only the level set.
            int n = s.compressor.compressByteArray(s.compressed, 0, bound, plaintext, 0, plaintext.length);
            if (n < plaintext.length) {
                body = s.compressed;
                bodyLength = n;
                compression = ZSTD;
            }
        }
        byte[] sealed = aead.encrypt(body, 0, bodyLength, associatedData(type, compression, id));
        return new EncodedChunk(type, id, compression, plaintext.length, sealed);
    }

    /** Decrypts, decompresses and checks a chunk against its ID. */
    public byte[] decode(PackEntry entry, byte[] sealed) throws AuthenticationFailedException {
        try (Scratch s = scratch()) {
            int n = decode(entry, sealed, s);
            return java.util.Arrays.copyOf(s.plain, n);
        }
    }

    /**
     * As {@link #decode(PackEntry, byte[])}, but decrypts and decompresses into the scratch's buffers:
     * the plaintext is the first {@code entry.plainLength()} bytes of {@link Scratch#plain()}, and the
     * return value is that length.
     */
    public int decode(PackEntry entry, byte[] sealed, Scratch s) throws AuthenticationFailedException {
        int plainLength = entry.plainLength();
        if (plainLength < 0) {
            throw new AuthenticationFailedException("chunk " + entry.id() + " has a negative length");
        }
        byte[] aad = associatedData(entry.type(), entry.compression(), entry.id());
        int bodyLength = Math.max(0, sealed.length - Aead.OVERHEAD);
        int n;
        if (entry.compression() == ZSTD) {
            if (s.body.length < bodyLength) {
                s.body = new byte[bodyLength];
            }
            int bodyRead = aead.decrypt(sealed, 0, sealed.length, aad, s.body, 0);
            if (s.plain.length < plainLength) {
                s.plain = new byte[plainLength];
            }
            try {
                n = s.decompressor.decompressByteArray(s.plain, 0, plainLength, s.body, 0, bodyRead);
            } catch (RuntimeException e) { // ZstdException, or anything else a damaged frame provokes
                throw new AuthenticationFailedException("chunk " + entry.id() + " does not decompress", e);
            }
        } else if (entry.compression() == RAW) {
            if (s.plain.length < bodyLength) {
                s.plain = new byte[bodyLength];
            }
            n = aead.decrypt(sealed, 0, sealed.length, aad, s.plain, 0);
        } else {
            throw new AuthenticationFailedException("chunk " + entry.id() + " has unknown compression");
        }
        if (n != plainLength || !idHasher.idOf(s.plain, 0, n).equals(entry.id())) {
            throw new AuthenticationFailedException("chunk " + entry.id() + " does not match its ID");
        }
        return n;
    }

    /** Frees the native memory of the pooled scratches; call it when no scratch is in use any more. */
    @Override
    public void close() {
        Scratch s;
        while ((s = pool.poll()) != null) {
            s.free();
        }
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
