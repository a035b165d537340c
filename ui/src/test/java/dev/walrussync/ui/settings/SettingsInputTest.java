package dev.walrussync.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.model.SyncSchedule;
import dev.walrussync.ui.settings.SettingsInput.Rate;
import dev.walrussync.ui.settings.SettingsInput.RateUnit;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The settings form's units: WAL and FROST, days and epochs, upload limits, schedules in words. */
class SettingsInputTest {
    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1000000000", "1.5, 1500000000", "0.000000001, 1", "' 25 ', 25000000000"})
    void walIsTypedAndShownExactly(String typed, long frost) {
        assertThat(SettingsInput.frost(typed, "The reserve")).isEqualTo(frost);
        assertThat(SettingsInput.frost(SettingsInput.wal(frost), "The reserve")).isEqualTo(frost);
    }

    @Test
    void walFieldsHoldPlainNumbers() {
        assertThat(SettingsInput.wal(1_500_000_000L)).isEqualTo("1.5");
        assertThat(SettingsInput.wal(12_000_000_000_000L)).isEqualTo("12000");
        assertThat(SettingsInput.wal(1)).isEqualTo("0.000000001");
        assertThat(SettingsInput.wal(0)).isEqualTo("0");
    }

    @Test
    void tooMuchWalIsRefused() {
        assertThatThrownBy(() -> SettingsInput.frost("99999999999", "The budget"))
                .hasMessage("The budget is more WAL than exists.");
    }

    @Test
    void daysBecomeEpochsRoundedUpAndBack() {
        Duration day = Duration.ofDays(1);
        Duration fortnight = Duration.ofDays(14);
        assertThat(SettingsInput.epochs("30", day, "x")).isEqualTo(30);
        assertThat(SettingsInput.epochs("30", fortnight, "x")).isEqualTo(3);
        assertThat(SettingsInput.epochs("28", fortnight, "x")).isEqualTo(2);
        assertThat(SettingsInput.epochs("0.5", fortnight, "x")).isEqualTo(1);
        assertThat(SettingsInput.epochs("7", null, "x")).isEqualTo(7);
        assertThat(SettingsInput.period(3, fortnight)).isEqualTo("42");
        assertThat(SettingsInput.period(3, Duration.ofHours(12))).isEqualTo("1.5");
        assertThat(SettingsInput.period(3, null)).isEqualTo("3");
        assertThat(SettingsInput.epochWords(1, day)).isEqualTo("1 epoch (1 day)");
        assertThat(SettingsInput.epochWords(53, fortnight)).isEqualTo("53 epochs (742 days)");
        assertThat(SettingsInput.epochWords(2, null)).isEqualTo("2 epochs");
    }

    @ParameterizedTest
    @CsvSource({"'', MB, 0", "0, KB, 0", "2, MB, 2097152", "0.5, MB, 524288", "512, KB, 524288", "1.5, KB, 1536"})
    void uploadLimitsAreTypedInKbOrMbPerSecond(String typed, RateUnit unit, long bytes) {
        assertThat(SettingsInput.bytesPerSecond(typed, unit)).isEqualTo(bytes);
    }

    @Test
    void uploadLimitsShowInTheLargerUnitThatFits() {
        assertThat(SettingsInput.rate(0)).isEqualTo(new Rate("", RateUnit.MB));
        assertThat(SettingsInput.rate(2L << 20)).isEqualTo(new Rate("2", RateUnit.MB));
        assertThat(SettingsInput.rate(512 * 1024)).isEqualTo(new Rate("512", RateUnit.KB));
        assertThat(SettingsInput.rate(1_572_864)).isEqualTo(new Rate("1.5", RateUnit.MB));
        assertThat(SettingsInput.rateWords(0)).isEqualTo("no limit");
        assertThat(SettingsInput.rateWords(3L << 20)).isEqualTo("3 MB/s");
    }

    @Test
    void aLimitBelowOneBytePerSecondIsRefused() {
        assertThatThrownBy(() -> SettingsInput.bytesPerSecond("0.0001", RateUnit.KB))
                .hasMessageContaining("too small");
        assertThatThrownBy(() -> SettingsInput.bytesPerSecond("-2", RateUnit.MB))
                .hasMessageContaining("cannot be negative");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            continuous           | as soon as files change
            hourly               | at most once every hour
            every 90m            | at most once every 90 minutes
            every 2d             | at most once every 2 days
            nights               | only between 22:00 and 06:00
            09:30-17:00 every 1h | only between 09:30 and 17:00, at most once every hour
            """)
    void schedulesInWords(String text, String words) {
        assertThat(SettingsInput.scheduleWords(SyncSchedule.parse(text))).isEqualTo(words);
    }

    @ParameterizedTest
    @EnumSource(value = ScheduleChoice.class, mode = EnumSource.Mode.EXCLUDE, names = "CUSTOM")
    void everyNamedScheduleIsFoundAgainFromTheEngines(ScheduleChoice choice) {
        SyncSchedule s = choice.schedule();
        assertThat(ScheduleChoice.of(SyncSchedule.parse(s.toString()))).isEqualTo(choice);
    }

    @Test
    void hourlyIsTheNamedHourlyChoice() {
        assertThat(ScheduleChoice.of(SyncSchedule.parse("hourly"))).isEqualTo(ScheduleChoice.HOURLY);
        assertThat(ScheduleChoice.of(SyncSchedule.parse("every 3h"))).isEqualTo(ScheduleChoice.CUSTOM);
    }
}
