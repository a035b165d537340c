package dev.walrussync.engine.repo;

import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.pack.ChunkCodec.EncodedChunk;
import dev.walrussync.engine.pack.PackEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local copy of the repository's metadata chunks (trees, snapshots and tombstones), kept sealed exactly
 * as they are in the packs, under {@code cache/metadata/} in the app home. Listing and walking snapshots
 * then reads no blob from the store, and a pack that expired on Walrus can have its metadata stored again
 * from here (data chunks come back from the local files). Entries are content-addressed, so they never go
 * stale; a damaged or missing entry is only a cache miss, because every chunk is authenticated when it is
 * decoded.
 *
 * <p>An entry is {@code type (1 byte) · compression (1) · plain length (4) · sealed chunk}.
 */
final class MetadataCache {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataCache.class);
    static final String DIR = "cache/metadata";
    private static final int HEADER = 6;

    private final Path dir;

    MetadataCache(Path home) {
        this.dir = home.resolve(DIR);
    }

    /**
     * Keeps a metadata chunk; data chunks and index records (read once, by a rebuild) are ignored. Failing to write
     * only costs a later store read.
     */
    void put(EncodedChunk chunk) {
        if (chunk.type() == ChunkType.DATA || chunk.type() == ChunkType.INDEX) {
            return;
        }
        Path file = fileOf(chunk.id());
        if (Files.exists(file)) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + chunk.sealed().length);
        b.put((byte) chunk.type().code())
                .put((byte) chunk.compression())
                .putInt(chunk.plainLength())
                .put(chunk.sealed());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(tmp, b.array());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot cache metadata chunk {}: {}", chunk.id().shortHex(), e.toString());
        }
    }

    /** The cached chunk with this ID, if there is a well-formed entry. */
    Optional<EncodedChunk> get(ChunkId id) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(fileOf(id));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read cached metadata chunk {}: {}", id.shortHex(), e.toString());
            return Optional.empty();
        }
        if (bytes.length <= HEADER) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        ChunkType type;
        try {
            type = ChunkType.fromCode(b.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int compression = b.get();
        int plainLength = b.getInt();
        byte[] sealed = new byte[b.remaining()];
        b.get(sealed);
        return Optional.of(new EncodedChunk(type, id, compression, plainLength, sealed));
    }

    /** Forgets a chunk that is no longer in the repository. */
    void remove(ChunkId id) {
        try {
            Files.deleteIfExists(fileOf(id));
        } catch (IOException e) {
            LOG.warn("cannot remove cached metadata chunk {}: {}", id.shortHex(), e.toString());
        }
    }

    /** Where a cached chunk would be in the pack it is decoded as: on its own, at offset 0. */
    static PackEntry entryOf(EncodedChunk c) {
        return new PackEntry(c.type(), c.compression(), c.id(), 0, c.sealed().length, c.plainLength());
    }

    private Path fileOf(ChunkId id) {
        String hex = id.hex();
        return dir.resolve(hex.substring(0, 2)).resolve(hex);
    }
}
