package dev.walrussync.engine.pack;

/**
 * Padmé padding (Nikitin et al., 2019): rounds a length up so that only O(log log L) bits of it
 * remain visible, at a cost of at most 12 %.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 5.2</a>
 */
public final class Padme {
    private Padme() {}

    public static long pad(long length) {
        if (length < 2) {
            return length;
        }
        int e = 63 - Long.numberOfLeadingZeros(length);
        int s = 32 - Integer.numberOfLeadingZeros(e);
        int z = e - s;
        long mask = (1L << z) - 1;
        return (length + mask) & ~mask;
    }
}
