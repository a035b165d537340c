package dev.walrussync.walrus.http;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Limits the rate at which bytes are sent: a token bucket holding at most one second's worth of bytes. The rate
 * can be changed at any time, also while a transfer waits; 0 means no limit. Thread-safe: concurrent uploads share
 * the rate.
 */
public final class BandwidthLimiter {
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long bytesPerSecond;
    private double tokens;
    private long lastRefill;

    /** A limiter with no limit yet, on the system's monotonic clock. */
    public BandwidthLimiter() {
        this(System::nanoTime, Sleeper.SYSTEM);
    }

    /** A limiter on the given monotonic clock (nanoseconds) and sleeper; for tests. */
    public BandwidthLimiter(LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.lastRefill = nanoTime.getAsLong();
    }

    /** Sets the limit in bytes per second; 0 removes it. */
    public synchronized void setLimit(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("a bandwidth limit cannot be negative: " + bytesPerSecond);
        }
        refill();
        this.bytesPerSecond = bytesPerSecond;
        tokens = Math.min(tokens, bytesPerSecond);
    }

    public synchronized long limit() {
        return bytesPerSecond;
    }

    /**
     * Waits until {@code bytes} may be sent under the current limit, then takes them. Send in pieces of a few tens
     * of KiB, so that a change of the limit takes effect quickly.
     */
    public void acquire(long bytes) throws InterruptedException {
        long remaining = bytes;
        while (remaining > 0) {
            Duration wait;
            synchronized (this) {
                if (bytesPerSecond == 0) {
                    return;
                }
                refill();
                long take = (long) Math.min(remaining, Math.floor(tokens));
                if (take > 0) {
                    tokens -= take;
                    remaining -= take;
                    continue;
                }
                long missing = Math.min(remaining, bytesPerSecond);
                wait = Duration.ofNanos(Math.max(1_000_000L, (long) ((missing - tokens) * 1e9 / bytesPerSecond)));
            }
            sleeper.sleep(wait);
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        if (bytesPerSecond > 0) {
            tokens = Math.min(bytesPerSecond, tokens + (now - lastRefill) * (double) bytesPerSecond / 1e9);
        }
        lastRefill = now;
    }
}
