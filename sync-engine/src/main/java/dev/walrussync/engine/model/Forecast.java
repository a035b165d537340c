package dev.walrussync.engine.model;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What keeping the repository's data costs at today's prices, and how long the wallet's money lasts.
 *
 * @param walPerEpochFrost keeping every blob that snapshots need for one epoch, in FROST
 * @param walPerMonthFrost the same for 30 days
 * @param spendableFrost the WAL renewal may spend: the balance less the reserve
 * @param fundedUntilEpoch the first epoch the money cannot keep everything into (the stored data is paid
 *     until then, counting what the wallet can still buy); null when nothing needs paying for
 * @param runway from now until that epoch starts; null when nothing needs paying for
 * @param runwayEnds when that epoch starts; null when nothing needs paying for
 * @param nextRenewalEpoch when the next renewal falls due; null when nothing is stored
 * @param nextRenewalFrost what that renewal costs with the policy's extension, in FROST
 */
public record Forecast(
        long walPerEpochFrost,
        long walPerMonthFrost,
        long spendableFrost,
        @Nullable Long fundedUntilEpoch,
        @Nullable Duration runway,
        @Nullable Instant runwayEnds,
        @Nullable Long nextRenewalEpoch,
        long nextRenewalFrost) {}
