package dev.walrussync.walrus.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final RetryPolicy POLICY = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(2));

    /** Always answers the largest value below the bound, to see the ceiling of each backoff. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void ceilingDoublesFromTheInitialDelayUpToTheCap() {
        assertThat(POLICY.backoff(0, HIGHEST)).isEqualTo(Duration.ofMillis(100));
        assertThat(POLICY.backoff(1, HIGHEST)).isEqualTo(Duration.ofMillis(200));
        assertThat(POLICY.backoff(3, HIGHEST)).isEqualTo(Duration.ofMillis(800));
        assertThat(POLICY.backoff(4, HIGHEST)).isEqualTo(Duration.ofMillis(1600));
        assertThat(POLICY.backoff(5, HIGHEST)).isEqualTo(Duration.ofSeconds(2));
        assertThat(POLICY.backoff(62, HIGHEST)).isEqualTo(Duration.ofSeconds(2));
        assertThat(POLICY.backoff(Integer.MAX_VALUE, HIGHEST)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void fullJitterSpreadsOverZeroToTheCeiling() {
        RandomGenerator random = new SplittableRandom(42);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            long ms = POLICY.backoff(1, random).toMillis();
            assertThat(ms).isBetween(0L, 200L);
            seen.add(ms);
        }
        assertThat(seen).contains(0L, 200L).hasSizeGreaterThan(150);
    }

    @Test
    void noneNeverWaits() {
        assertThat(RetryPolicy.NONE.backoff(3, HIGHEST)).isZero();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> POLICY.backoff(-1, HIGHEST)).isInstanceOf(IllegalArgumentException.class);
    }
}
