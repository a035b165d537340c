package dev.walrussync.walrus.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

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
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /**
     * The wait before retry number {@code retry} (0 for the wait after the first failed attempt): a
     * uniformly random duration between zero and {@code min(maxDelay, initialDelay × 2^retry)}
     * inclusive ("full jitter"), in whole milliseconds.
     */
    public Duration backoff(int retry, RandomGenerator random) {
        if (retry < 0) {
            throw new IllegalArgumentException("retry must not be negative, got " + retry);
        }
        long cap = maxDelay.toMillis();
        long initial = initialDelay.toMillis();
        long ceiling = retry >= 62 || initial > (cap >> Math.min(retry, 62)) ? cap : Math.min(cap, initial << retry);
        return ceiling <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(ceiling + 1));
    }
}
