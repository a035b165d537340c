package dev.walrussync.engine.store.dir;

import dev.walrussync.engine.model.BlobId;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A few blob files kept open for ranged reads, least recently used first out, so that a restore
 * reading thousands of chunks does not open and close a pack file for every chunk. Blobs are
 * immutable, so a cached channel never goes stale; deleting a blob evicts it. Thread-safe:
 * positional reads on a {@link FileChannel} may run concurrently.
 */
final class OpenBlobs {
    private final int capacity;
    private final LinkedHashMap<BlobId, FileChannel> open = new LinkedHashMap<>(16, 0.75f, true);

    OpenBlobs(int capacity) {
        this.capacity = capacity;
    }

    synchronized FileChannel open(BlobId id, Path file) throws IOException {
        FileChannel ch = open.get(id);
        if (ch != null && ch.isOpen()) {
            return ch;
        }
        ch = FileChannel.open(file, StandardOpenOption.READ);
        open.put(id, ch);
        Iterator<Map.Entry<BlobId, FileChannel>> it = open.entrySet().iterator();
        while (open.size() > capacity && it.hasNext()) {
            closeQuietly(it.next().getValue());
            it.remove();
        }
        return ch;
    }

    synchronized void evict(BlobId id) {
        FileChannel ch = open.remove(id);
        if (ch != null) {
            closeQuietly(ch);
        }
    }

    synchronized void closeAll() {
        open.values().forEach(OpenBlobs::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // A read-only channel loses nothing when its close fails.
        }
    }
}
