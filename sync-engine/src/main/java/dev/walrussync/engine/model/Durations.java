package dev.walrussync.engine.model;

import java.time.Duration;
import java.util.Locale;

/** Short durations as people type them: {@code 500ms}, {@code 2s}, {@code 15m}, {@code 1h}, {@code 1d}. */
public final class Durations {
    private Durations() {}

    /**
     * Parses a number followed by a unit (ms, s, m, h or d).
     *
     * @throws IllegalArgumentException if the text is not such a duration
     */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0 || i == t.length()) {
            throw new IllegalArgumentException(
                    "cannot read the duration '" + text + "': use a number and a unit, e.g. 500ms, 2s, 15m, 1h or 1d");
        }
        long n;
        try {
            n = Long.parseLong(t.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the duration '" + text + "' is too large");
        }
        Duration d;
        try {
            d = switch (t.substring(i)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default ->
                    throw new IllegalArgumentException(
                            "cannot read the duration '" + text + "': the unit must be ms, s, m, h or d");
            };
            // Beyond this, the duration has no form in milliseconds for format(), nor a time it ends at.
            d.toMillis();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the duration '" + text + "' is too large");
        }
        return d;
    }

    /** The shortest exact text form that {@link #parse} reads back. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
