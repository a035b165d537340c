package dev.walrussync.localnet.publisher;

import dev.walrussync.walrus.encoding.BlobId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Recently decoded blobs, bounded in bytes, so that ranged reads of one pack do not decode it again
 * for every range (real aggregators cache too). Thread-safe.
 */
final class DecodedBlobCache {
    private final long capacity;
    private final LinkedHashMap<BlobId, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long size;

    DecodedBlobCache(long capacityBytes) {
        this.capacity = capacityBytes;
    }

    synchronized byte @Nullable [] get(BlobId id) {
        return entries.get(id);
    }

    synchronized void put(BlobId id, byte[] data) {
        if (data.length > capacity) {
            return;
        }
        byte[] old = entries.put(id, data);
        size += data.length - (old == null ? 0 : old.length);
        Iterator<Map.Entry<BlobId, byte[]>> it = entries.entrySet().iterator();
        while (size > capacity && it.hasNext()) {
            Map.Entry<BlobId, byte[]> eldest = it.next();
            size -= eldest.getValue().length;
            it.remove();
        }
    }

    /** Forgets a blob, for example when it expired. */
    synchronized void remove(BlobId id) {
        byte[] old = entries.remove(id);
        if (old != null) {
            size -= old.length;
        }
    }
}
