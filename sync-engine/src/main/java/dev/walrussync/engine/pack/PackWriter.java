package dev.walrussync.engine.pack;

import dev.walrussync.engine.crypto.Aead;
import dev.walrussync.engine.pack.ChunkCodec.EncodedChunk;
import dev.walrussync.engine.store.StagedBlob;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes one pack into a staging file: chunks, random padding, the encrypted header and its length.
 * The file is a {@link StagedBlob}, so a store that staged it sees every byte once as it is written
 * (the directory store hashes it there instead of reading the pack again). Not thread-safe; the
 * caller serialises access.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 5</a>
 */
public final class PackWriter implements AutoCloseable {
    static final int MIN_PACK_SIZE = 4096;

    private final StagedBlob out;
    private final List<PackEntry> entries = new ArrayList<>();
    private long size;
    private boolean sealed;

    /** Writes into a new plain staging file at {@code file}. */
    public PackWriter(Path file) throws IOException {
        this(StagedBlob.create(file));
    }

    /** Writes into {@code out}, which must be empty; the writer owns it until it is sealed or closed. */
    public PackWriter(StagedBlob out) {
        this.out = out;
    }

    /** A sealed pack in its staging file, finished (forced to disk and closed) and ready to store. */
    public record SealedPack(StagedBlob blob, List<PackEntry> entries, long size, int headerLength) {
        public Path file() {
            return blob.file();
        }
    }

    /** Appends an encrypted chunk and returns its entry. */
    public PackEntry add(EncodedChunk chunk) throws IOException {
        ensureOpen();
        PackEntry entry = new PackEntry(
                chunk.type(), chunk.compression(), chunk.id(), size, chunk.sealed().length, chunk.plainLength());
        writeFully(ByteBuffer.wrap(chunk.sealed()));
        entries.add(entry);
        size += chunk.sealed().length;
        return entry;
    }

    /** Bytes of chunks written so far. */
    public long size() {
        return size;
    }

    public int count() {
        return entries.size();
    }

    /**
     * The size the pack would have once sealed if a chunk of {@code sealedLength} bytes were added:
     * chunks, padding, encrypted header and trailer.
     */
    public long sealedSizeWith(int sealedLength) {
        return sealedSize(size + sealedLength, entries.size() + 1);
    }

    private static long sealedSize(long chunkBytes, int entryCount) {
        long unpadded = chunkBytes + PackHeader.encryptedLength(entryCount) + PackHeader.TRAILER_LENGTH;
        return Padme.pad(Math.max(unpadded, MIN_PACK_SIZE));
    }

    /** Appends padding, the encrypted header and its length; forces the file to disk and closes it. */
    public SealedPack seal(Aead aead, SecureRandom random) throws IOException {
        ensureOpen();
        byte[] header = PackHeader.encrypt(entries, aead);
        long unpadded = size + header.length + PackHeader.TRAILER_LENGTH;
        long total = sealedSize(size, entries.size());
        long padding = total - unpadded;
        byte[] noise = new byte[(int) Math.min(padding, 1 << 16)];
        while (padding > 0) {
            int n = (int) Math.min(padding, noise.length);
            random.nextBytes(noise);
            writeFully(ByteBuffer.wrap(noise, 0, n));
            padding -= n;
        }
        writeFully(ByteBuffer.wrap(header));
        writeFully(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, header.length));
        out.finish();
        sealed = true;
        return new SealedPack(out, Collections.unmodifiableList(new ArrayList<>(entries)), total, header.length);
    }

    private void writeFully(ByteBuffer buf) throws IOException {
        out.writeFully(buf);
    }

    private void ensureOpen() {
        if (sealed) {
            throw new IllegalStateException("pack " + out.file() + " is already sealed");
        }
    }

    /** Abandons an unsealed pack and deletes its staging file. */
    @Override
    public void close() throws IOException {
        if (!sealed) {
            sealed = true;
            out.discard();
        }
    }
}
