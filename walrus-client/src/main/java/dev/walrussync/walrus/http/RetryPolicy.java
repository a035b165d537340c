package dev.walrussync.walrus.http;

import java.time.Duration;

/**
 * How often and how long to retry a request that failed in a retryable way (429, 503, 504, network
 * errors): exponential backoff from {@code initialDelay}, capped at {@code maxDelay}, with full
 * jitter, for at most {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(20));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }
}
