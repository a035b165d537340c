package dev.walrussync.engine.store;

import dev.walrussync.engine.model.BlobId;
import java.util.Optional;

/** A blob the store holds: its ID, its size in bytes, and (on Walrus) its lease. */
public record StoredBlob(BlobId id, long size, Optional<BlobLease> lease) {
    public static StoredBlob of(BlobId id, long size) {
        return new StoredBlob(id, size, Optional.empty());
    }
}
