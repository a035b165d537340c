package dev.walrussync.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.AtRiskBlob;
import dev.walrussync.engine.model.Forecast;
import dev.walrussync.walrus.chain.SystemInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The money arithmetic of a renewal pass: the forecast, the runway and the alerts. */
class RenewalForecastTest {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    /** Epoch 100, one day per epoch, 1000 FROST per unit per epoch, 53 epochs ahead at most. */
    private static SystemInfo system() {
        return new SystemInfo(100, START, DAY, 1000, 500, 10, 53, "0x1", 1, List.of());
    }

    @Test
    void costsPerEpochAndMonthAreTheUnitsAtTodaysPrice() {
        Forecast f = Renewal.forecast(system(), List.of(new long[] {3, 120}, new long[] {2, 130}), 0, 5, 10, START);
        assertThat(f.walPerEpochFrost()).isEqualTo(5 * 1000);
        assertThat(f.walPerMonthFrost()).isEqualTo(30 * 5 * 1000);
    }

    @Test
    void withNoMoneyTheRunwayEndsAtTheEarliestEndEpoch() {
        Forecast f = Renewal.forecast(system(), List.of(new long[] {3, 120}, new long[] {2, 130}), 0, 5, 10, START);
        assertThat(f.fundedUntilEpoch()).isEqualTo(120);
        assertThat(f.runwayEnds()).isEqualTo(START.plus(DAY.multipliedBy(20)));
        assertThat(f.runway()).isEqualTo(DAY.multipliedBy(20));
    }

    @Test
    void moneyBuysEpochsForTheBlobsThatEndFirst() {
        // Blob A: 3 units ending at 120; blob B: 2 units ending at 130. Keeping both until epoch 125 costs
        // 3 units × 5 epochs × 1000 = 15,000; until 131, 3 × 11 × 1000 + 2 × 1 × 1000 = 35,000.
        List<long[]> leases = List.of(new long[] {3, 120}, new long[] {2, 130});
        assertThat(Renewal.forecast(system(), leases, 15_000, 5, 10, START).fundedUntilEpoch())
                .isEqualTo(125);
        assertThat(Renewal.forecast(system(), leases, 14_999, 5, 10, START).fundedUntilEpoch())
                .isEqualTo(124);
        assertThat(Renewal.forecast(system(), leases, 35_000, 5, 10, START).fundedUntilEpoch())
                .isEqualTo(131);
    }

    @Test
    void theNextRenewalIsTheEarliestBlobsExtensionWhenItEntersTheLookAhead() {
        Forecast f = Renewal.forecast(system(), List.of(new long[] {3, 120}, new long[] {2, 130}), 0, 5, 10, START);
        assertThat(f.nextRenewalEpoch()).isEqualTo(115);
        assertThat(f.nextRenewalFrost()).isEqualTo(3 * 10 * 1000);
    }

    @Test
    void extensionsNeverGoPastTheMaximumAhead() {
        assertThat(Renewal.extensionEpochs(120, 100, 10, 53)).isEqualTo(10);
        assertThat(Renewal.extensionEpochs(150, 100, 10, 53)).isEqualTo(3);
        assertThat(Renewal.extensionEpochs(153, 100, 10, 53)).isZero();
    }

    @Test
    void nothingStoredMeansNoRunwayAndNoAlerts() {
        Forecast f = Renewal.forecast(system(), List.of(), 0, 5, 10, START);
        assertThat(f.runway()).isNull();
        assertThat(f.nextRenewalEpoch()).isNull();
        assertThat(Renewal.alerts(f, system(), 0, List.of(), 0)).isEmpty();
    }

    @Test
    void runwayAlertsNameTheMostUrgentThreshold() {
        assertThat(kindsAtRunwayDays(31)).isEmpty();
        assertThat(kindsAtRunwayDays(29)).containsExactly(Alert.Kind.RUNWAY_BELOW_30_DAYS);
        assertThat(kindsAtRunwayDays(13)).containsExactly(Alert.Kind.RUNWAY_BELOW_14_DAYS);
        assertThat(kindsAtRunwayDays(6)).containsExactly(Alert.Kind.RUNWAY_BELOW_7_DAYS);
    }

    private static List<Alert.Kind> kindsAtRunwayDays(int days) {
        // Enough money for the next renewal, so only the runway speaks.
        Forecast f =
                Renewal.forecast(system(), List.<long[]>of(new long[] {1, 100 + days}), 1_000_000_000L, 5, 10, START);
        Forecast limited = new Forecast(
                f.walPerEpochFrost(),
                f.walPerMonthFrost(),
                f.spendableFrost(),
                100L + days,
                DAY.multipliedBy(days),
                START.plus(DAY.multipliedBy(days)),
                f.nextRenewalEpoch(),
                f.nextRenewalFrost());
        return Renewal.alerts(limited, system(), 1_000_000_000L, List.of(), 0).stream()
                .map(Alert::kind)
                .toList();
    }

    @Test
    void anUnpayableRenewalAndAnImminentExpiryAreBothAlerts() {
        Forecast f = Renewal.forecast(system(), List.<long[]>of(new long[] {3, 102}), 0, 5, 10, START);
        AtRiskBlob blob = new AtRiskBlob("blob", "0xabc", 102, 30_000, List.of("/data/ledger.db"));
        List<Alert> alerts = Renewal.alerts(f, system(), 1_000_000_000L, List.of(blob), 0);
        assertThat(alerts)
                .extracting(Alert::kind)
                .containsExactly(
                        Alert.Kind.RUNWAY_BELOW_7_DAYS,
                        Alert.Kind.CANNOT_PAY_NEXT_RENEWAL,
                        Alert.Kind.EXPIRY_WITHOUT_FUNDS);
        assertThat(alerts.get(2).message()).contains("/data/ledger.db");
    }

    @Test
    void noGasIsAnAlertEvenWithWal() {
        Forecast f = Renewal.forecast(system(), List.<long[]>of(new long[] {3, 140}), 1_000_000_000L, 5, 10, START);
        assertThat(Renewal.alerts(f, system(), 0, List.of(), 0))
                .extracting(Alert::kind)
                .containsExactly(Alert.Kind.CANNOT_PAY_NEXT_RENEWAL);
        assertThat(Renewal.alerts(f, system(), 1_000_000_000L, List.of(), 0)).isEmpty();
    }
}
