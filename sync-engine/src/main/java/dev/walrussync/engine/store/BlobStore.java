package dev.walrussync.engine.store;

import dev.walrussync.engine.model.BlobId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The storage port: a store of immutable, content-addressed blobs. The engine keeps a repository in
 * one store; the directory store, the in-memory store and the Walrus store implement it, and all pass
 * the same contract tests.
 *
 * <p>Implementations are thread-safe.
 */
public interface BlobStore extends AutoCloseable {
    StoreInfo info();

    /**
     * Stores the file's bytes durably and returns the blob. The store takes ownership of the file: it
     * may move or delete it. Storing bytes that are already stored returns the same ID.
     */
    StoredBlob put(Path file) throws BlobStoreException;

    /**
     * Creates a staging file at {@code file} (which must not exist) for a blob to be written and then
     * stored with {@link #put(StagedBlob)}. A store may look at the bytes while they are written, for
     * example to compute the blob's ID without reading the file again.
     */
    default StagedBlob stage(Path file) throws BlobStoreException {
        try {
            return StagedBlob.create(file);
        } catch (IOException e) {
            throw new BlobStoreException("cannot create the staging file " + file + ": " + e.getMessage(), e, false);
        }
    }

    /**
     * Finishes a staged blob (see {@link #stage(Path)}) and stores it as {@link #put(Path)} does; the store
     * takes ownership of its file. A staged blob from another store is stored like any other file.
     */
    default StoredBlob put(StagedBlob blob) throws BlobStoreException {
        try {
            blob.finish();
        } catch (IOException e) {
            throw new BlobStoreException(
                    "cannot finish the staged blob " + blob.file() + ": " + e.getMessage(), e, false);
        }
        return put(blob.file());
    }

    /** Stores a small byte array durably; see {@link #put(Path)}. */
    StoredBlob put(byte[] data) throws BlobStoreException;

    /** Reads a whole blob. */
    byte[] get(BlobId id) throws BlobStoreException;

    /** Reads {@code length} bytes starting at {@code offset}; fails if the blob is shorter. */
    byte[] getRange(BlobId id, long offset, int length) throws BlobStoreException;

    /** Lists every blob the store holds for this repository. */
    List<StoredBlob> list() throws BlobStoreException;

    /**
     * Marks blobs: attaches to each a short opaque value that {@link #list()} returns with it, so that a
     * new machine finds the blobs that hold the repository's records without reading every blob. On Walrus
     * a mark is the blob object's {@code walrus-sync} attribute. A mark is a hint: a blob without one is
     * still listed, and a store may fail to keep it.
     *
     * @param marks the value for each blob, as the store returned the blob (so a store can find it by its lease)
     * @return false when this store cannot keep marks
     */
    default boolean mark(Map<StoredBlob, String> marks) throws BlobStoreException {
        return false;
    }

    /**
     * Blobs the store once held and no longer serves, as far as it still knows them (on Walrus, the wallet's
     * expired blob objects, whose lease says when they expired); they are not in {@link #list()}.
     */
    default List<StoredBlob> expired() throws BlobStoreException {
        return List.of();
    }

    /** Deletes a blob; deleting a blob that is not there is not an error. */
    void delete(BlobId id) throws BlobStoreException;

    @Override
    default void close() {}
}
