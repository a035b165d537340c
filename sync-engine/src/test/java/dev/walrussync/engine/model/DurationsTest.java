package dev.walrussync.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "0ms, PT0S",
        "0s, PT0S",
        "2s, PT2S",
        "' 2S ', PT2S",
        "15m, PT15M",
        "15min, PT15M",
        "1h, PT1H",
        "1d, PT24H",
        "36h, PT36H",
        "0007s, PT7S"
    })
    void parsesANumberAndAUnit(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "s", "5", "5 s", "1.5s", "-1s", "+1s", "1e3ms", "ten s"})
    void refusesWhatIsNotANumberAndAUnit(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the duration '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5x", "5sec", "5 m", "2w", "1y"})
    void refusesAnUnknownUnit(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the duration '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999s", "9223372036854775807d", "9223372036854775807m", "300000000000d"})
    void refusesDurationsTooLargeToUse(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }

    @ParameterizedTest
    @CsvSource({
        "PT0S, 0s",
        "PT0.5S, 500ms",
        "PT1.5S, 1500ms",
        "PT2S, 2s",
        "PT90S, 90s",
        "PT60S, 1m",
        "PT150M, 150m",
        "PT1H, 1h",
        "PT25H, 25h",
        "PT48H, 2d"
    })
    void formatsTheShortestExactForm(String iso, String text) {
        Duration d = Duration.parse(iso);
        assertThat(Durations.format(d)).isEqualTo(text);
        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }

    @Test
    void everyParsedDurationFormatsBackToItself() {
        for (String unit : new String[] {"ms", "s", "m", "h", "d"}) {
            for (long n : new long[] {0, 1, 7, 59, 60, 61, 1000, 3600, 86_400, 1_000_000}) {
                Duration d = Durations.parse(n + unit);
                assertThat(Durations.parse(Durations.format(d))).as(n + unit).isEqualTo(d);
            }
        }
    }
}
