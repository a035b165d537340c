package dev.walrussync.engine.store.memory;

import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.store.BlobNotFoundException;
import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.BlobStoreException;
import dev.walrussync.engine.store.StoreInfo;
import dev.walrussync.engine.store.StoredBlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A store in memory, for tests and dry runs. IDs are derived from content as on the other stores. */
public final class InMemoryBlobStore implements BlobStore {
    private final Map<BlobId, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<BlobId, String> marks = new ConcurrentHashMap<>();
    private final long targetPackSize;

    public InMemoryBlobStore(long targetPackSize) {
        this.targetPackSize = targetPackSize;
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo("memory", "memory", targetPackSize);
    }

    @Override
    public StoredBlob put(Path file) throws BlobStoreException {
        try {
            byte[] data = Files.readAllBytes(file);
            StoredBlob blob = put(data);
            Files.deleteIfExists(file);
            return blob;
        } catch (IOException e) {
            throw new BlobStoreException("cannot read " + file + ": " + e.getMessage(), e, true);
        }
    }

    @Override
    public StoredBlob put(byte[] data) {
        BlobId id = new BlobId(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(data)));
        blobs.putIfAbsent(id, data.clone());
        return StoredBlob.of(id, data.length);
    }

    @Override
    public byte[] get(BlobId id) throws BlobStoreException {
        byte[] data = blobs.get(id);
        if (data == null) {
            throw new BlobNotFoundException(id);
        }
        return data.clone();
    }

    @Override
    public byte[] getRange(BlobId id, long offset, int length) throws BlobStoreException {
        byte[] data = blobs.get(id);
        if (data == null) {
            throw new BlobNotFoundException(id);
        }
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new BlobStoreException(
                    "blob " + id + " has " + data.length + " bytes; cannot read " + length + " at " + offset, true);
        }
        return Arrays.copyOfRange(data, (int) offset, (int) offset + length);
    }

    @Override
    public List<StoredBlob> list() {
        List<StoredBlob> result = new ArrayList<>();
        blobs.forEach(
                (id, data) -> result.add(StoredBlob.of(id, data.length).withMark(Optional.ofNullable(marks.get(id)))));
        return result;
    }

    @Override
    public boolean mark(Map<StoredBlob, String> values) {
        values.forEach((blob, value) -> {
            if (blobs.containsKey(blob.id())) {
                marks.put(blob.id(), value);
            }
        });
        return true;
    }

    @Override
    public void delete(BlobId id) {
        marks.remove(id);
        blobs.remove(id);
    }

    /** Replaces a stored blob's bytes, to simulate corruption in tests. */
    public void corrupt(BlobId id, byte[] replacement) {
        blobs.put(id, replacement.clone());
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
