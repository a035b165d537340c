package dev.walrussync.app.cli;

import java.util.Arrays;

/**
 * Delays of the FX thread, in nanoseconds, and what {@code bench-ui} reports of them: how many, the longest, a
 * percentile (nearest rank), and how many exceeded a threshold. Not thread-safe.
 */
final class StallStats {
    private long[] delays = new long[256];
    private int count;

    void record(long delayNanos) {
        if (count == delays.length) {
            delays = Arrays.copyOf(delays, count * 2);
        }
        delays[count++] = delayNanos;
    }

    int count() {
        return count;
    }

    /** The longest delay, or 0 if none was recorded. */
    long maxNanos() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, delays[i]);
        }
        return max;
    }

    /**
     * The nearest-rank percentile: the smallest delay that at least {@code p} percent of the delays do not exceed; 0
     * if none was recorded.
     */
    long percentileNanos(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100]: " + p);
        }
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(delays, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** How many delays were longer than {@code thresholdNanos}. */
    int countOver(long thresholdNanos) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (delays[i] > thresholdNanos) {
                n++;
            }
        }
        return n;
    }
}
