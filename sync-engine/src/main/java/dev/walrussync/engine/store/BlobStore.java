package dev.walrussync.engine.store;

import dev.walrussync.engine.model.BlobId;
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
