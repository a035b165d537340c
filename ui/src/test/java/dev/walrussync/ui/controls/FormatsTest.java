package dev.walrussync.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {
    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1536, 1.5 KB", "5242880, 5.0 MB", "157286400, 150 MB"})
    void bytesAreRoundedTo1024BasedUnits(long n, String text) {
        assertThat(Formats.bytes(n)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({
        "45, 45 s",
        "90, 1 min",
        "3600, 1 h",
        "12000, 3 h 20 min",
        "864000, 10 days",
        "1193788800, over 37 years"
    })
    void durationsUseTheLargestUnits(long seconds, String text) {
        assertThat(Formats.duration(Duration.ofSeconds(seconds))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1500000000, 1.5", "2000000000, 2", "12345000, 0.0123", "2500000000000, '2,500'"})
    void tokensAreShownInWholeUnits(long nano, String text) {
        assertThat(Formats.token(nano)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"5, just now", "300, 5 min ago"})
    void agoSaysHowLongAgo(long seconds, String text) {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        assertThat(Formats.ago(now.minusSeconds(seconds), now)).isEqualTo(text);
    }
}
