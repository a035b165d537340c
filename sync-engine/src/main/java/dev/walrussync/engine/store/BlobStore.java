package dev.walrussync.engine.store;

import dev.walrussync.engine.model.BlobId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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

    /** Deletes a blob; deleting a blob that is not there is not an error. */
    void delete(BlobId id) throws BlobStoreException;

    @Override
    default void close() {}
}
