package dev.walrussync.localnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** Epochs advance on demand or on the clock, update the system state and notify listeners in order. */
class EpochTest {
    private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");

    @Test
    void advancingOnDemandStartsTheNextEpochAndNotifiesListeners() throws Exception {
        MutableClock clock = new MutableClock(START);
        try (LocalChain chain = LocalChain.inMemory(ChainConfig.builder().build(), clock)) {
            List<long[]> changes = new CopyOnWriteArrayList<>();
            chain.addEpochListener((previous, next) -> changes.add(new long[] {previous, next}));
            clock.advance(Duration.ofMinutes(5));
            assertThat(chain.advanceEpoch()).isEqualTo(2);
            assertThat(chain.currentEpoch()).isEqualTo(2);
            assertThat(chain.systemState().epoch()).isEqualTo(2);
            assertThat(chain.systemState().epochStartTimestampMs())
                    .isEqualTo(START.plus(Duration.ofMinutes(5)).toEpochMilli());
            assertThat(chain.epoch(2).orElseThrow().startTimestampMs())
                    .isEqualTo(START.plus(Duration.ofMinutes(5)).toEpochMilli());
            assertThat(changes).hasSize(1);
            assertThat(changes.getFirst()).containsExactly(1, 2);
        }
    }

    @Test
    void theClockAdvancesOneEpochPerElapsedDurationOnExactBoundaries() throws Exception {
        MutableClock clock = new MutableClock(START);
        ChainConfig config =
                ChainConfig.builder().epochDuration(Duration.ofHours(1)).build();
        try (LocalChain chain = LocalChain.inMemory(config, clock)) {
            List<Long> started = new CopyOnWriteArrayList<>();
            chain.addEpochListener((previous, next) -> started.add(next));
            clock.advance(Duration.ofMinutes(59));
            assertThat(chain.advanceDueEpochs()).isZero();
            clock.advance(Duration.ofMinutes(91)); // 2.5 h after genesis
            assertThat(chain.advanceDueEpochs()).isEqualTo(2);
            assertThat(started).containsExactly(2L, 3L);
            assertThat(chain.currentEpochInfo().startTimestampMs())
                    .isEqualTo(START.plus(Duration.ofHours(2)).toEpochMilli());
        }
    }

    @Test
    void theEpochClockOnASchedulerAdvancesWhenTheClockPassesABoundary() throws Exception {
        MutableClock clock = new MutableClock(START);
        ChainConfig config =
                ChainConfig.builder().epochDuration(Duration.ofSeconds(10)).build();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (LocalChain chain = LocalChain.inMemory(config, clock)) {
            chain.startEpochClock(scheduler, Duration.ofMillis(5));
            clock.advance(Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (chain.currentEpoch() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(chain.currentEpoch()).isEqualTo(2);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void anEpochChangeBumpsTheSystemObjectVersion() throws Exception {
        try (LocalChain chain = LocalChain.inMemory(ChainConfig.builder().build(), new MutableClock(START))) {
            long before =
                    chain.object(chain.config().systemObjectId()).orElseThrow().version();
            chain.advanceEpoch();
            assertThat(chain.object(chain.config().systemObjectId())
                            .orElseThrow()
                            .version())
                    .isGreaterThan(before);
        }
    }
}
