package dev.walrussync.engine.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When the watch daemon may take snapshots: continuously, at most once per {@code every}, only inside a daily
 * window of local time, or both.
 *
 * <p>Text form (for the command line and {@code sync.json}): {@code continuous}, {@code hourly}, {@code every 15m},
 * {@code nights} (22:00–06:00), {@code 22:00-06:00}, or a window and an interval together ({@code nights every 1h}).
 *
 * @param every the shortest time between two snapshots of one folder; {@link Duration#ZERO} for no minimum
 * @param windowStart with {@code windowEnd}, the daily window (local time) in which snapshots may start; a window
 *     that ends before it starts spans midnight; both null for any time of day
 */
public record SyncSchedule(
        Duration every,
        @Nullable LocalTime windowStart,
        @Nullable LocalTime windowEnd) {
    public static final SyncSchedule CONTINUOUS = new SyncSchedule(Duration.ZERO, null, null);
    private static final LocalTime NIGHT_START = LocalTime.of(22, 0);
    private static final LocalTime NIGHT_END = LocalTime.of(6, 0);

    public SyncSchedule {
        Objects.requireNonNull(every, "every");
        if (every.isNegative()) {
            throw new IllegalArgumentException("a schedule's interval cannot be negative: " + every);
        }
        if ((windowStart == null) != (windowEnd == null)) {
            throw new IllegalArgumentException("a schedule's window needs both a start and an end");
        }
        if (windowStart != null && windowStart.equals(windowEnd)) {
            throw new IllegalArgumentException("a schedule's window cannot start and end at " + windowStart);
        }
    }

    /** Whether {@code time} (local time of day) is inside the window; always true without one. */
    public boolean inWindow(LocalTime time) {
        if (windowStart == null || windowEnd == null) {
            return true;
        }
        if (windowStart.isBefore(windowEnd)) {
            return !time.isBefore(windowStart) && time.isBefore(windowEnd);
        }
        return !time.isBefore(windowStart) || time.isBefore(windowEnd);
    }

    /**
     * The earliest time at or after {@code due} at which the schedule lets a snapshot start.
     *
     * @param lastRun when the folder's last snapshot started, if ever
     * @param zone the time zone of the window
     */
    public Instant earliestStart(Instant due, @Nullable Instant lastRun, ZoneId zone) {
        Instant t = due;
        if (!every.isZero() && lastRun != null && lastRun.plus(every).isAfter(t)) {
            t = lastRun.plus(every);
        }
        if (windowStart == null || inWindow(LocalTime.ofInstant(t, zone))) {
            return t;
        }
        ZonedDateTime local = t.atZone(zone);
        ZonedDateTime start = local.with(windowStart).withNano(0);
        if (!start.isAfter(local)) {
            start = start.plusDays(1);
        }
        return start.toInstant();
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException with a message that shows the accepted forms
     */
    public static SyncSchedule parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration every = Duration.ZERO;
        LocalTime start = null;
        LocalTime end = null;
        String[] words = t.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            switch (w) {
                case "continuous", "always" -> {}
                case "hourly" -> every = Duration.ofHours(1);
                case "daily" -> every = Duration.ofDays(1);
                case "nights", "nightly" -> {
                    start = NIGHT_START;
                    end = NIGHT_END;
                }
                case "every" -> {
                    if (i + 1 >= words.length) {
                        throw bad(text);
                    }
                    every = Durations.parse(words[++i]);
                }
                default -> {
                    int dash = w.indexOf('-');
                    if (dash < 0) {
                        throw bad(text);
                    }
                    try {
                        start = LocalTime.parse(w.substring(0, dash));
                        end = LocalTime.parse(w.substring(dash + 1));
                    } catch (DateTimeParseException e) {
                        throw bad(text);
                    }
                }
            }
        }
        return new SyncSchedule(every, start, end);
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("cannot read the schedule '" + text
                + "': use continuous, hourly, daily, every DURATION (e.g. every 30m), nights,"
                + " a window such as 22:00-06:00, or a window and an interval (nights every 1h)");
    }

    /** The text form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (windowStart != null) {
            s.append(windowStart).append('-').append(windowEnd);
        }
        if (!every.isZero()) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append("every ").append(Durations.format(every));
        }
        return s.isEmpty() ? "continuous" : s.toString();
    }
}
