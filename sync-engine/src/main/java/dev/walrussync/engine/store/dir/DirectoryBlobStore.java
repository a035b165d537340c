package dev.walrussync.engine.store.dir;

import dev.walrussync.engine.internal.AtomicFiles;
import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.store.BlobNotFoundException;
import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.BlobStoreException;
import dev.walrussync.engine.store.StagedBlob;
import dev.walrussync.engine.store.StoreFullException;
import dev.walrussync.engine.store.StoreInfo;
import dev.walrussync.engine.store.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A store in a local folder, for example on an external disk. Blob IDs are the unpadded base64url
 * SHA-256 of the bytes; blobs live in {@code blobs/<first two characters>/<id>}. Every put is
 * written to {@code tmp/}, forced to disk and renamed, so a crash never leaves a partial blob.
 */
public final class DirectoryBlobStore implements BlobStore {
    /** The default pack size for a directory store: 64 MiB. */
    public static final long DEFAULT_PACK_SIZE = 64L << 20;

    static final String MARKER = "walrus-sync-store.json";
    private static final String MARKER_TEXT = "{\"kind\":\"walrus-sync-directory-store\",\"version\":1}\n";

    private final Path root;
    private final Path blobs;
    private final Path tmp;
    /** One small file per marked blob, named by its ID, holding the mark. */
    private final Path marks;

    private final long targetPackSize;
    private final OpenBlobs readers = new OpenBlobs(32);

    private DirectoryBlobStore(Path root, long targetPackSize) {
        this.root = root;
        this.blobs = root.resolve("blobs");
        this.tmp = root.resolve("tmp");
        this.marks = root.resolve("marks");
        this.targetPackSize = targetPackSize;
    }

    /** Creates the store layout in {@code root} (which may exist and must then be empty or a store). */
    public static DirectoryBlobStore create(Path root, long targetPackSize) throws BlobStoreException {
        try {
            Path marker = root.resolve(MARKER);
            if (Files.isDirectory(root) && !Files.exists(marker)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                    if (entries.iterator().hasNext()) {
                        throw new BlobStoreException(
                                "the folder " + root + " is not empty and is not a Walrus Sync store", true);
                    }
                }
            }
            Files.createDirectories(root.resolve("blobs"));
            Files.createDirectories(root.resolve("tmp"));
            if (!Files.exists(marker)) {
                Files.writeString(marker, MARKER_TEXT, StandardCharsets.UTF_8);
            }
            return new DirectoryBlobStore(root, targetPackSize);
        } catch (IOException e) {
            throw new BlobStoreException("cannot create a store in " + root + ": " + e.getMessage(), e, true);
        }
    }

    /** Opens an existing store. */
    public static DirectoryBlobStore open(Path root, long targetPackSize) throws BlobStoreException {
        if (!Files.isRegularFile(root.resolve(MARKER))) {
            throw new BlobStoreException(
                    "no Walrus Sync store at " + root + " (is the disk mounted, and is the path right?)", true);
        }
        return new DirectoryBlobStore(root, targetPackSize);
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo("dir", root.toString(), targetPackSize);
    }

    @Override
    public StoredBlob put(Path file) throws BlobStoreException {
        try {
            return store(file, idOf(file), Files.size(file));
        } catch (IOException e) {
            throw translate("store " + file.getFileName(), e);
        }
    }

    /** A staged file that this store hashes as it is written; see {@link #put(StagedBlob)}. */
    private final class HashingStagedBlob extends StagedBlob {
        private final MessageDigest digest = sha256();

        HashingStagedBlob(Path file) throws IOException {
            super(file);
        }

        @Override
        protected void appended(ByteBuffer bytes) {
            digest.update(bytes);
        }

        DirectoryBlobStore owner() {
            return DirectoryBlobStore.this;
        }
    }

    /** Stages a blob whose SHA-256, and so its ID, this store computes while the bytes are written. */
    @Override
    public StagedBlob stage(Path file) throws BlobStoreException {
        try {
            return new HashingStagedBlob(file);
        } catch (IOException e) {
            throw translate("create the staging file " + file, e);
        }
    }

    /**
     * Stores a staged blob. When this store staged it, the ID is the SHA-256 that the store itself
     * computed over every byte as it was appended, so the file is not read a second time; the
     * caller never supplies a digest. If the file's size no longer matches what was appended (it was
     * changed behind the store's back), or another store staged it, the file is hashed from disk.
     */
    @Override
    public StoredBlob put(StagedBlob blob) throws BlobStoreException {
        try {
            blob.finish();
            long size = Files.size(blob.file());
            if (blob instanceof HashingStagedBlob h && h.owner() == this && h.size() == size) {
                return store(blob.file(), new BlobId(base64(h.digest.digest())), size);
            }
            return put(blob.file());
        } catch (IOException e) {
            throw translate("store " + blob.file().getFileName(), e);
        }
    }

    private StoredBlob store(Path file, BlobId id, long size) throws IOException {
        Path target = pathOf(id);
        if (Files.exists(target) && Files.size(target) == size) {
            Files.deleteIfExists(file);
            return StoredBlob.of(id, size);
        }
        Path staged = tmp.resolve(UUID.randomUUID() + ".tmp");
        try {
            Files.move(file, staged, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            Files.copy(file, staged);
            Files.deleteIfExists(file);
        }
        commit(staged, target);
        return StoredBlob.of(id, size);
    }

    @Override
    public StoredBlob put(byte[] data) throws BlobStoreException {
        BlobId id = new BlobId(base64(sha256().digest(data)));
        Path target = pathOf(id);
        try {
            if (Files.exists(target) && Files.size(target) == data.length) {
                return StoredBlob.of(id, data.length);
            }
            Path staged = tmp.resolve(UUID.randomUUID() + ".tmp");
            Files.write(staged, data, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            commit(staged, target);
            return StoredBlob.of(id, data.length);
        } catch (IOException e) {
            throw translate("store a blob", e);
        }
    }

    private void commit(Path staged, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(staged, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.createDirectories(target.getParent());
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open or sync a directory; the rename itself is still atomic.
        }
    }

    @Override
    public byte[] get(BlobId id) throws BlobStoreException {
        try {
            return Files.readAllBytes(pathOf(id));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(id);
        } catch (IOException e) {
            throw translate("read blob " + id, e);
        }
    }

    @Override
    public byte[] getRange(BlobId id, long offset, int length) throws BlobStoreException {
        try {
            FileChannel ch = readers.open(id, pathOf(id));
            if (offset < 0 || length < 0 || offset > ch.size() - length) {
                throw new BlobStoreException(
                        "blob " + id + " has " + ch.size() + " bytes; cannot read " + length + " at " + offset, true);
            }
            ByteBuffer buf = ByteBuffer.allocate(length);
            while (buf.hasRemaining()) {
                if (ch.read(buf, offset + buf.position()) < 0) {
                    throw new BlobStoreException("blob " + id + " ended early", true);
                }
            }
            return buf.array();
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(id);
        } catch (java.nio.channels.ClosedChannelException e) {
            // The channel was evicted from the cache by another thread mid-read: read again.
            return getRange(id, offset, length);
        } catch (IOException e) {
            throw translate("read blob " + id, e);
        }
    }

    @Override
    public List<StoredBlob> list() throws BlobStoreException {
        List<StoredBlob> result = new ArrayList<>();
        try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(blobs)) {
            for (Path prefix : prefixes) {
                if (!Files.isDirectory(prefix)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(prefix)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        if (Files.isRegularFile(f) && !name.startsWith(".")) {
                            result.add(StoredBlob.of(new BlobId(name), Files.size(f))
                                    .withMark(markOf(name)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw translate("list the store", e);
        }
        return result;
    }

    private Optional<String> markOf(String blobId) throws IOException {
        Path f = marks.resolve(blobId);
        return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8)) : Optional.empty();
    }

    @Override
    public boolean mark(Map<StoredBlob, String> values) throws BlobStoreException {
        try {
            Files.createDirectories(marks);
            for (Map.Entry<StoredBlob, String> e : values.entrySet()) {
                AtomicFiles.write(
                        marks.resolve(e.getKey().id().value()), e.getValue().getBytes(StandardCharsets.UTF_8), false);
            }
            return true;
        } catch (IOException e) {
            throw translate("mark blobs", e);
        }
    }

    @Override
    public void delete(BlobId id) throws BlobStoreException {
        readers.evict(id);
        try {
            Files.deleteIfExists(marks.resolve(id.value()));
            Files.deleteIfExists(pathOf(id));
        } catch (IOException e) {
            throw translate("delete blob " + id, e);
        }
    }

    @Override
    public void close() {
        readers.closeAll();
    }

    private Path pathOf(BlobId id) {
        String v = id.value();
        return blobs.resolve(v.length() >= 2 ? v.substring(0, 2) : "_").resolve(v);
    }

    private static BlobId idOf(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        }
        return new BlobId(base64(digest.digest()));
    }

    private static String base64(byte[] hash) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private BlobStoreException translate(String what, IOException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("No space left") || msg.contains("Disk quota exceeded")) {
            return new StoreFullException("the store at " + root + " is full (" + msg + ")", e);
        }
        return new BlobStoreException("cannot " + what + " in " + root + ": " + e, e, false);
    }
}
