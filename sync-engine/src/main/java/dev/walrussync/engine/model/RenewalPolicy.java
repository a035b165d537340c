package dev.walrussync.engine.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How blobs are kept alive, kept in {@code walrus.json} under {@code "renewal"} (docs/design/renewal.md).
 * Every field may be left out; the defaults suit a machine that is switched off for up to a month.
 *
 * @param lookAheadEpochs a blob is renewed once its end epoch is this close; it must exceed the longest
 *     time the machine may be offline. Default: the epochs in 30 days, at least 2
 * @param extendEpochs how many epochs each extension buys. Default: the epochs in 90 days, and more than
 *     the look-ahead; never past the current epoch plus the network's maximum (53)
 * @param reserveFrost WAL that renewal never spends, in FROST. Default 0
 * @param monthlyBudgetFrost the most WAL renewal spends in any 30 days, in FROST; null for no cap
 * @param intervalMinutes how often the tray app and the {@code watch} daemon run a pass. Default 60
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RenewalPolicy(
        @Nullable Integer lookAheadEpochs,
        @Nullable Integer extendEpochs,
        @Nullable Long reserveFrost,
        @Nullable Long monthlyBudgetFrost,
        @Nullable Integer intervalMinutes) {
    public static final RenewalPolicy DEFAULTS = new RenewalPolicy(null, null, null, null, null);
    private static final Duration LOOK_AHEAD = Duration.ofDays(30);
    private static final Duration EXTENSION = Duration.ofDays(90);

    public RenewalPolicy {
        if (lookAheadEpochs != null && lookAheadEpochs < 1) {
            throw new IllegalArgumentException("the look-ahead must be at least 1 epoch, not " + lookAheadEpochs);
        }
        if (extendEpochs != null && extendEpochs < 1) {
            throw new IllegalArgumentException("an extension must buy at least 1 epoch, not " + extendEpochs);
        }
        if (reserveFrost != null && reserveFrost < 0) {
            throw new IllegalArgumentException("the WAL reserve cannot be negative");
        }
        if (monthlyBudgetFrost != null && monthlyBudgetFrost < 0) {
            throw new IllegalArgumentException("the monthly budget cannot be negative");
        }
        if (intervalMinutes != null && intervalMinutes < 1) {
            throw new IllegalArgumentException("renewal passes must be at least 1 minute apart");
        }
    }

    /**
     * The look-ahead in epochs on a network with epochs of this length, below the most epochs storage can
     * be paid ahead (a longer look-ahead would renew every blob at every pass).
     */
    public int lookAhead(Duration epochDuration, int maxEpochsAhead) {
        int wanted = lookAheadEpochs != null ? lookAheadEpochs : Math.max(2, epochsIn(LOOK_AHEAD, epochDuration));
        return Math.max(1, Math.min(wanted, maxEpochsAhead - 1));
    }

    /** Epochs each extension buys on such a network: more than the look-ahead, at most the maximum. */
    public int extendBy(Duration epochDuration, int maxEpochsAhead) {
        int wanted = extendEpochs != null
                ? extendEpochs
                : Math.max(lookAhead(epochDuration, maxEpochsAhead) + 1, epochsIn(EXTENSION, epochDuration));
        return Math.min(wanted, maxEpochsAhead);
    }

    @JsonIgnore
    public long reserve() {
        return reserveFrost == null ? 0 : reserveFrost;
    }

    @JsonIgnore
    public Duration interval() {
        return Duration.ofMinutes(intervalMinutes == null ? 60 : intervalMinutes);
    }

    private static int epochsIn(Duration span, Duration epochDuration) {
        long epochMillis = Math.max(1, epochDuration.toMillis());
        return (int) Math.min(Integer.MAX_VALUE, (span.toMillis() + epochMillis - 1) / epochMillis);
    }
}
