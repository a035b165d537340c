package dev.walrussync.engine.chunk;

import java.nio.channels.ReadableByteChannel;
import java.util.Objects;

/**
 * Keyed FastCDC (Xia et al., 2016) with normalized chunking level 2; immutable, thread-safe and reusable.
 *
 * <p>Within each chunk the gear hash starts at zero at the minimum size (the bytes before it are
 * skipped without hashing) and is updated as {@code h = (h << 1) + gear[b]}. The chunk ends after
 * the first byte for which {@code (h & mask) == 0}, using the small mask while the chunk is shorter
 * than the average size and the large mask from then on, or at the maximum size.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 4.1</a>
 */
public final class FastCdcChunker {
    private final long[] gear;
    private final ChunkerParams params;
    private final int minSize;
    private final int avgSize;
    private final int maxSize;
    private final long smallMask;
    private final long largeMask;

    public FastCdcChunker(GearTable table, ChunkerParams params) {
        this.gear = table.entries();
        this.params = Objects.requireNonNull(params, "params");
        this.minSize = params.minSize();
        this.avgSize = params.avgSize();
        this.maxSize = params.maxSize();
        this.smallMask = params.smallMask();
        this.largeMask = params.largeMask();
    }

    public ChunkerParams params() {
        return params;
    }

    /**
     * Returns the length of the chunk that starts at {@code buf[off]}.
     *
     * <p>Only the first {@code min(len, maxSize)} bytes are looked at. A caller that has not reached
     * the end of its stream must pass at least {@code maxSize} bytes; a shorter {@code len} means the
     * stream ends there, and {@code len} itself is returned when no boundary is found before it.
     *
     * @return a length between 1 and {@code min(len, maxSize)}, or 0 if {@code len} is 0
     */
    public int cutPoint(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len <= minSize) {
            return len;
        }
        int size = Math.min(len, maxSize);
        int normalEnd = off + Math.min(size, avgSize);
        int end = off + size;
        long[] g = gear;
        long mask = smallMask;
        long h = 0;
        int i = off + minSize;
        for (; i < normalEnd; i++) {
            h = (h << 1) + g[buf[i] & 0xFF];
            if ((h & mask) == 0) {
                return i + 1 - off;
            }
        }
        mask = largeMask;
        for (; i < end; i++) {
            h = (h << 1) + g[buf[i] & 0xFF];
            if ((h & mask) == 0) {
                return i + 1 - off;
            }
        }
        return size;
    }

    /** Starts cutting the stream {@code in} into chunks; the caller keeps ownership of the channel. */
    public ChunkReader open(ReadableByteChannel in) {
        return new ChunkReader(this, Objects.requireNonNull(in, "in"));
    }
}
