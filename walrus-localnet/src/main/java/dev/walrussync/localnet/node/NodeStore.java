package dev.walrussync.localnet.node;

import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.SliverType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A node's files: {@code metadata/<blob id>.bcs} (BCS {@code BlobMetadata}) and {@code shards/<shard>/<blob
 * id>/primary.bcs|secondary.bcs} (BCS {@code SliverData}), each written atomically via a temporary file.
 */
final class NodeStore {
    private static final String SUFFIX = ".bcs";

    private final Path metadataDir;
    private final Path shardsDir;

    NodeStore(Path root, Collection<Integer> shards) throws IOException {
        this.metadataDir = root.resolve("metadata");
        this.shardsDir = root.resolve("shards");
        Files.createDirectories(metadataDir);
        for (int shard : shards) {
            Files.createDirectories(shardDir(shard));
        }
    }

    private Path shardDir(int shard) {
        return shardsDir.resolve(Integer.toString(shard));
    }

    private Path metadataPath(BlobId blobId) {
        return metadataDir.resolve(blobId + SUFFIX);
    }

    private Path sliverPath(int shard, BlobId blobId, SliverType type) {
        return shardDir(shard)
                .resolve(blobId.toString())
                .resolve((type == SliverType.PRIMARY ? "primary" : "secondary") + SUFFIX);
    }

    boolean hasMetadata(BlobId blobId) {
        return Files.isRegularFile(metadataPath(blobId));
    }

    Optional<byte[]> readMetadata(BlobId blobId) {
        return read(metadataPath(blobId));
    }

    void writeMetadata(BlobId blobId, byte[] bcs) {
        write(metadataPath(blobId), bcs);
    }

    boolean hasSliver(int shard, BlobId blobId, SliverType type) {
        return Files.isRegularFile(sliverPath(shard, blobId, type));
    }

    Optional<byte[]> readSliver(int shard, BlobId blobId, SliverType type) {
        return read(sliverPath(shard, blobId, type));
    }

    void writeSliver(int shard, BlobId blobId, SliverType type, byte[] bcs) {
        write(sliverPath(shard, blobId, type), bcs);
    }

    /** Every blob ID with metadata or a sliver directory in any shard folder. */
    Set<BlobId> storedBlobs() {
        Set<BlobId> ids = new TreeSet<>();
        for (Path file : list(metadataDir)) {
            String name = file.getFileName().toString();
            if (name.endsWith(SUFFIX)) {
                parse(name.substring(0, name.length() - SUFFIX.length())).ifPresent(ids::add);
            }
        }
        for (Path shard : list(shardsDir)) {
            for (Path blob : list(shard)) {
                parse(blob.getFileName().toString()).ifPresent(ids::add);
            }
        }
        return ids;
    }

    /** Deletes the metadata and the slivers of a blob in every shard folder. */
    void delete(BlobId blobId) {
        try {
            Files.deleteIfExists(metadataPath(blobId));
            for (Path shard : list(shardsDir)) {
                Path blobDir = shard.resolve(blobId.toString());
                for (Path file : list(blobDir)) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(blobDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob " + blobId, e);
        }
    }

    private static Optional<BlobId> parse(String name) {
        try {
            return Optional.of(BlobId.parse(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Collection<Path> list(Path dir) {
        Collection<Path> out = new TreeSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(out::add);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
