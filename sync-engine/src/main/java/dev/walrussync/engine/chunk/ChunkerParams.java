package dev.walrussync.engine.chunk;

/**
 * The minimum, average (normal) and maximum chunk sizes of FastCDC, with the masks derived from them.
 *
 * <p>The average size must be a power of two. The small mask, used while a chunk is shorter than the
 * average size, has {@code log2(avg) + 2} one-bits; the large mask, used from the average size on,
 * has {@code log2(avg) - 2}. The one-bits are the <em>highest</em> bits of the 64-bit gear hash,
 * because the low bits of {@code h = (h << 1) + gear[b]} depend only on the last few bytes.
 *
 * @param minSize no chunk except the last of a file is shorter; bytes before it are not hashed
 * @param avgSize the normal size, a power of two
 * @param maxSize no chunk is longer
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 4.1</a>
 */
public record ChunkerParams(int minSize, int avgSize, int maxSize) {
    /** The smallest allowed average size: the large mask needs at least four one-bits. */
    public static final int MIN_AVG_SIZE = 64;

    /** The largest allowed maximum size, so that a reader's buffer of twice that fits an array. */
    public static final int MAX_MAX_SIZE = 1 << 28;

    /** The repository format's parameters: 512 KiB, 1 MiB and 8 MiB. */
    public static final ChunkerParams DEFAULT = new ChunkerParams(512 * 1024, 1024 * 1024, 8 * 1024 * 1024);

    public ChunkerParams {
        if (Integer.bitCount(avgSize) != 1 || avgSize < MIN_AVG_SIZE) {
            throw new IllegalArgumentException(
                    "the average chunk size must be a power of two of at least " + MIN_AVG_SIZE + ", got " + avgSize);
        }
        if (minSize < 1 || minSize > avgSize) {
            throw new IllegalArgumentException(
                    "the minimum chunk size must be between 1 and the average " + avgSize + ", got " + minSize);
        }
        if (maxSize < avgSize || maxSize > MAX_MAX_SIZE) {
            throw new IllegalArgumentException("the maximum chunk size must be between the average " + avgSize + " and "
                    + MAX_MAX_SIZE + ", got " + maxSize);
        }
    }

    /** The mask tested before the average size: {@code log2(avg) + 2} one-bits at the top of 64. */
    public long smallMask() {
        return highBits(log2Avg() + 2);
    }

    /** The mask tested from the average size on: {@code log2(avg) - 2} one-bits at the top of 64. */
    public long largeMask() {
        return highBits(log2Avg() - 2);
    }

    private int log2Avg() {
        return Integer.numberOfTrailingZeros(avgSize);
    }

    private static long highBits(int count) {
        return -1L << (Long.SIZE - count);
    }
}
