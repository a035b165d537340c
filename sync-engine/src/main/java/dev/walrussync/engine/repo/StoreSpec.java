package dev.walrussync.engine.repo;

import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.dir.DirectoryBlobStore;
import java.nio.file.Path;

/**
 * Where a repository's store is, as text: {@code dir:PATH} for a directory store. Walrus networks
 * join this list when the Walrus store lands.
 */
public record StoreSpec(String kind, String location) {

    public static StoreSpec parse(String text) throws SyncException {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new SyncException("'" + text + "' is not a store; use dir:PATH");
        }
        String kind = text.substring(0, colon);
        String location = text.substring(colon + 1);
        if (!kind.equals("dir")) {
            throw new SyncException("unknown store kind '" + kind + "' in '" + text + "'; use dir:PATH");
        }
        if (location.isBlank()) {
            throw new SyncException("the store '" + text + "' has no path");
        }
        return new StoreSpec(
                kind, Path.of(location).toAbsolutePath().normalize().toString());
    }

    /** Creates the store, which must not yet hold a repository. */
    BlobStore create(long packSize) throws SyncException {
        return DirectoryBlobStore.create(Path.of(location), packSize(packSize));
    }

    BlobStore open(long packSize) throws SyncException {
        return DirectoryBlobStore.open(Path.of(location), packSize(packSize));
    }

    private static long packSize(long configured) {
        return configured > 0 ? configured : DirectoryBlobStore.DEFAULT_PACK_SIZE;
    }

    @Override
    public String toString() {
        return kind + ":" + location;
    }
}
