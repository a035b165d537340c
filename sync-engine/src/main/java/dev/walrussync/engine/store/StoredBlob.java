package dev.walrussync.engine.store;

import dev.walrussync.engine.model.BlobId;
import java.util.Optional;

/**
 * A blob the store holds: its ID, its size in bytes, (on Walrus) its lease, and the repository's mark on it, if
 * it has one (see {@link BlobStore#mark}).
 */
public record StoredBlob(BlobId id, long size, Optional<BlobLease> lease, Optional<String> mark) {
    public StoredBlob(BlobId id, long size, Optional<BlobLease> lease) {
        this(id, size, lease, Optional.empty());
    }

    public static StoredBlob of(BlobId id, long size) {
        return new StoredBlob(id, size, Optional.empty());
    }

    /** This blob with the given mark. */
    public StoredBlob withMark(Optional<String> value) {
        return new StoredBlob(id, size, lease, value);
    }
}
