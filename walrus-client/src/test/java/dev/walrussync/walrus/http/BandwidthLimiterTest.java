package dev.walrussync.walrus.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The upload limit's token bucket, on a fake monotonic clock whose sleeper only moves the clock: the figures are
 * exact, and nothing here waits.
 */
class BandwidthLimiterTest {
    private static final long KIB = 1024;
    private static final long PIECE = 32 * KIB;

    /** A clock that only the sleeper moves; it records every sleep and can act during one. */
    private static final class FakeTime implements Sleeper {
        long nanos = 1_000_000_000_000L;
        final List<Duration> sleeps = new ArrayList<>();
        Consumer<Integer> duringSleep = n -> {};

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            nanos += d.toNanos();
            duringSleep.accept(sleeps.size());
        }

        void pass(Duration d) {
            nanos += d.toNanos();
        }

        double slept() {
            return sleeps.stream().mapToLong(Duration::toNanos).sum() / 1e9;
        }
    }

    private final FakeTime time = new FakeTime();
    private final BandwidthLimiter limiter = new BandwidthLimiter(() -> time.nanos, time);

    private void send(long bytes) throws InterruptedException {
        for (long sent = 0; sent < bytes; sent += PIECE) {
            limiter.acquire(Math.min(PIECE, bytes - sent));
        }
    }

    @Test
    void withoutALimitNothingWaits() throws Exception {
        send(100L << 20);
        assertThat(limiter.limit()).isZero();
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void bytesGoOutAtTheLimit() throws Exception {
        limiter.setLimit(256 * KIB);
        send(1024 * KIB);
        assertThat(time.slept()).isCloseTo(4.0, offset(0.01));
        assertThat(time.sleeps).allSatisfy(d -> assertThat(d).isPositive());
    }

    @Test
    void oneLargeAcquireIsSpreadOverSeconds() throws Exception {
        limiter.setLimit(100_000);
        limiter.acquire(350_000);
        assertThat(time.slept()).isCloseTo(3.5, offset(0.01));
    }

    @Test
    void anIdleLimiterSavesUpOneSecondAtMost() throws Exception {
        limiter.setLimit(256 * KIB);
        time.pass(Duration.ofMinutes(10));
        send(256 * KIB);
        assertThat(time.sleeps).as("one second's worth was saved up").isEmpty();
        send(256 * KIB);
        assertThat(time.slept())
                .as("the next second's worth waits a second: ten idle minutes are not a 150 MiB burst")
                .isCloseTo(1.0, offset(0.01));
    }

    @Test
    void removingTheLimitWhileWaitingLetsTheRestGoAtOnce() throws Exception {
        limiter.setLimit(10 * KIB);
        time.duringSleep = n -> {
            if (n == 2) {
                limiter.setLimit(0);
            }
        };
        limiter.acquire(10 * 1024 * KIB); // 10 MiB: 1024 s at the first limit
        assertThat(time.sleeps).hasSize(2);
        assertThat(time.slept()).isCloseTo(2.0, offset(0.01));
    }

    @Test
    void raisingTheLimitWhileWaitingSpeedsTheRestUp() throws Exception {
        limiter.setLimit(10 * KIB);
        time.duringSleep = n -> {
            if (n == 1) {
                limiter.setLimit(1024 * KIB);
            }
        };
        // 10 KiB in the first second at the old rate, then 1014 KiB at 1 MiB/s.
        limiter.acquire(1024 * KIB);
        assertThat(time.sleeps.getFirst()).isEqualTo(Duration.ofSeconds(1));
        assertThat(time.slept()).isCloseTo(1.0 + 1014.0 / 1024, offset(0.01));
    }

    @Test
    void loweringTheLimitDropsWhatWasSavedUpAtTheOldRate() throws Exception {
        limiter.setLimit(10L << 20);
        time.pass(Duration.ofSeconds(5));
        limiter.setLimit(64 * KIB);
        send(128 * KIB);
        assertThat(time.slept())
                .as("only 64 KiB of the 10 MiB saved up at the old rate is left")
                .isCloseTo(1.0, offset(0.01));
    }

    @Test
    void lateStartersShareTheRateWithEarlierOnes() throws Exception {
        limiter.setLimit(100 * KIB);
        // Two uploads take turns piece by piece on one thread: together they get the one rate.
        for (int i = 0; i < 10; i++) {
            limiter.acquire(10 * KIB);
            limiter.acquire(10 * KIB);
        }
        assertThat(time.slept()).isCloseTo(2.0, offset(0.01));
    }

    @Test
    void anInterruptedWaitEndsTheAcquire() {
        BandwidthLimiter interrupted = new BandwidthLimiter(() -> time.nanos, d -> {
            throw new InterruptedException("stopping");
        });
        interrupted.setLimit(KIB);
        assertThatThrownBy(() -> interrupted.acquire(10 * KIB)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> limiter.setLimit(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
    }

    @Test
    void theRealClockAndSleeperWork() throws Exception {
        BandwidthLimiter real = new BandwidthLimiter();
        real.setLimit(1L << 30);
        real.acquire(64 * KIB); // 64 KiB at 1 GiB/s: tens of microseconds of waiting, at most a millisecond
        assertThat(real.limit()).isEqualTo(1L << 30);
    }
}
