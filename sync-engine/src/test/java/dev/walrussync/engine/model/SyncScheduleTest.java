package dev.walrussync.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SyncScheduleTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime TEN_PM = LocalTime.of(22, 0);
    private static final LocalTime SIX_AM = LocalTime.of(6, 0);

    /** An instant given as Paris local time. */
    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            continuous          | continuous
            always              | continuous
            '  Continuous  '    | continuous
            hourly              | every 1h
            HOURLY              | every 1h
            daily               | every 1d
            every 30m           | every 30m
            every   90s         | every 90s
            every 500ms         | every 500ms
            nights              | 22:00-06:00
            nightly             | 22:00-06:00
            22:00-06:00         | 22:00-06:00
            09:30-17:45         | 09:30-17:45
            nights every 1h     | 22:00-06:00 every 1h
            every 2h 01:00-05:00 | 01:00-05:00 every 2h
            """)
    void parsesEveryFormAndWritesAFormThatReadsBackTheSame(String text, String canonical) {
        SyncSchedule s = SyncSchedule.parse(text);
        assertThat(s).hasToString(canonical);
        assertThat(SyncSchedule.parse(s.toString())).isEqualTo(s);
    }

    @Test
    void theNamedFormsMeanWhatTheySay() {
        assertThat(SyncSchedule.parse("continuous")).isEqualTo(SyncSchedule.CONTINUOUS);
        assertThat(SyncSchedule.parse("hourly")).isEqualTo(new SyncSchedule(Duration.ofHours(1), null, null));
        assertThat(SyncSchedule.parse("nights")).isEqualTo(new SyncSchedule(Duration.ZERO, TEN_PM, SIX_AM));
        assertThat(SyncSchedule.parse("nights every 15m"))
                .isEqualTo(new SyncSchedule(Duration.ofMinutes(15), TEN_PM, SIX_AM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sometimes", "every", "22:00", "22-06", "25:00-06:00", "22:00-06:61", "nights 9pm"})
    void badInputShowsTheAcceptedForms(String text) {
        assertThatThrownBy(() -> SyncSchedule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the schedule '" + text + "'")
                .hasMessageContaining("every DURATION (e.g. every 30m)")
                .hasMessageContaining("22:00-06:00");
    }

    @Test
    void aBadIntervalSaysWhatIsWrongWithTheDuration() {
        assertThatThrownBy(() -> SyncSchedule.parse("every 5 minutes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the duration '5'");
        assertThatThrownBy(() -> SyncSchedule.parse("every 5x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the unit must be ms, s, m, h or d");
    }

    @Test
    void aWindowThatStartsWhereItEndsIsRefused() {
        assertThatThrownBy(() -> SyncSchedule.parse("22:00-22:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot start and end at 22:00");
        assertThatThrownBy(() -> new SyncSchedule(Duration.ZERO, TEN_PM, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs both a start and an end");
        assertThatThrownBy(() -> new SyncSchedule(Duration.ofMinutes(-1), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
    }

    @ParameterizedTest
    @CsvSource({
        "22:00, true",
        "23:59, true",
        "00:00, true",
        "05:59:59, true",
        "06:00, false",
        "12:00, false",
        "21:59:59, false"
    })
    void aWindowSpanningMidnightHoldsBothEnds(String time, boolean inside) {
        assertThat(SyncSchedule.parse("nights").inWindow(LocalTime.parse(time))).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource({"08:59, false", "09:00, true", "12:00, true", "16:59, true", "17:00, false", "23:00, false"})
    void aDaytimeWindowIncludesItsStartAndExcludesItsEnd(String time, boolean inside) {
        assertThat(SyncSchedule.parse("09:00-17:00").inWindow(LocalTime.parse(time)))
                .isEqualTo(inside);
    }

    @Test
    void continuousStartsWhenDue() {
        Instant due = paris("2026-11-23T12:34:56");
        assertThat(SyncSchedule.CONTINUOUS.earliestStart(due, due.minusSeconds(1), PARIS))
                .isEqualTo(due);
        assertThat(SyncSchedule.CONTINUOUS.earliestStart(due, null, PARIS)).isEqualTo(due);
    }

    @Test
    void anIntervalWaitsForItsTimeSinceTheLastRun() {
        SyncSchedule hourly = SyncSchedule.parse("hourly");
        Instant last = paris("2026-11-23T10:00:00");
        assertThat(hourly.earliestStart(paris("2026-11-23T10:20:00"), last, PARIS))
                .isEqualTo(paris("2026-11-23T11:00:00"));
        assertThat(hourly.earliestStart(paris("2026-11-23T11:30:00"), last, PARIS))
                .isEqualTo(paris("2026-11-23T11:30:00"));
        assertThat(hourly.earliestStart(paris("2026-11-23T10:20:00"), null, PARIS))
                .as("a folder never backed up need not wait")
                .isEqualTo(paris("2026-11-23T10:20:00"));
    }

    @Test
    void aNightWindowMovesDaytimeChangesToTheEvening() {
        SyncSchedule nights = SyncSchedule.parse("nights");
        assertThat(nights.earliestStart(paris("2026-11-23T12:00:00"), null, PARIS))
                .isEqualTo(paris("2026-11-23T22:00:00"));
        assertThat(nights.earliestStart(paris("2026-11-23T06:00:00"), null, PARIS))
                .isEqualTo(paris("2026-11-23T22:00:00"));
        assertThat(nights.earliestStart(paris("2026-11-23T23:15:00"), null, PARIS))
                .isEqualTo(paris("2026-11-23T23:15:00"));
        assertThat(nights.earliestStart(paris("2026-11-24T03:00:00"), null, PARIS))
                .as("after midnight, still inside the window")
                .isEqualTo(paris("2026-11-24T03:00:00"));
    }

    @Test
    void aDaytimeWindowMovesEveningChangesToTheNextMorning() {
        SyncSchedule office = SyncSchedule.parse("09:00-17:00");
        assertThat(office.earliestStart(paris("2026-11-23T18:00:00.123"), null, PARIS))
                .isEqualTo(paris("2026-11-24T09:00:00"));
        assertThat(office.earliestStart(paris("2026-11-23T07:00:00"), null, PARIS))
                .isEqualTo(paris("2026-11-23T09:00:00"));
    }

    @Test
    void anIntervalThatEndsOutsideTheWindowWaitsForTheNextWindow() {
        SyncSchedule s = SyncSchedule.parse("nights every 1h");
        Instant last = paris("2026-11-24T05:30:00");
        assertThat(s.earliestStart(paris("2026-11-24T05:40:00"), last, PARIS)).isEqualTo(paris("2026-11-24T22:00:00"));
        assertThat(s.earliestStart(paris("2026-11-23T22:10:00"), paris("2026-11-23T22:00:00"), PARIS))
                .isEqualTo(paris("2026-11-23T23:00:00"));
    }

    @Test
    void theWindowIsLocalTimeInTheGivenZone() {
        SyncSchedule nights = SyncSchedule.parse("nights");
        Instant noonUtc = Instant.parse("2026-11-23T12:00:00Z");
        assertThat(nights.earliestStart(noonUtc, null, ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-11-23T22:00:00Z"));
        assertThat(nights.earliestStart(noonUtc, null, ZoneId.of("Asia/Tokyo")))
                .as("21:00 in Tokyo")
                .isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
    }
}
