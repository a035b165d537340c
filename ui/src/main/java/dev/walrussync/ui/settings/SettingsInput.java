package dev.walrussync.ui.settings;

import dev.walrussync.engine.model.SyncSchedule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the settings form reads and writes, between the words and numbers people type and the engine's units: WAL and
 * FROST, days and epochs, upload limits per second, schedules in words. Every parser throws an {@link
 * IllegalArgumentException} whose message can be shown as it is.
 */
final class SettingsInput {
    /** FROST in one WAL. */
    static final long FROST_PER_WAL = 1_000_000_000L;

    private static final BigDecimal FROST = BigDecimal.valueOf(FROST_PER_WAL);
    private static final BigDecimal DAY_SECONDS = BigDecimal.valueOf(86_400);

    /** Units of an upload limit, 1024-based as the rest of the app shows sizes. */
    enum RateUnit {
        KB("KB/s", 1024),
        MB("MB/s", 1024 * 1024);

        private final String label;
        private final long bytes;

        RateUnit(String label, long bytes) {
            this.label = label;
            this.bytes = bytes;
        }

        long bytes() {
            return bytes;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** An upload limit as the form shows it: a number and its unit; empty text for no limit. */
    record Rate(String text, RateUnit unit) {}

    private SettingsInput() {}

    /**
     * An amount of WAL as typed ({@code 2}, {@code 0.5}) in FROST.
     *
     * @param what the field, as the message names it ("The reserve")
     */
    static long frost(String text, String what) {
        BigDecimal wal = number(text, what, "an amount of WAL, such as 2 or 0.5");
        if (wal.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be below zero.");
        }
        BigDecimal f = wal.multiply(FROST);
        if (f.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(what + " has more decimals than WAL has: at most 9.");
        }
        try {
            return f.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " is more WAL than exists.");
        }
    }

    /** FROST as WAL, exactly and without grouping, as a field holds it: {@code 1_500_000_000} → {@code "1.5"}. */
    static String wal(long frost) {
        return BigDecimal.valueOf(frost, 9).stripTrailingZeros().toPlainString();
    }

    /**
     * A duration as typed in the form's unit, in whole epochs, rounded up: days if the epoch's length is known,
     * else epochs.
     *
     * @param epoch the network's epoch length, or null if unknown (then the text is in epochs)
     */
    static int epochs(String text, @Nullable Duration epoch, String what) {
        if (epoch == null) {
            return wholeNumber(text, what, 1, "a whole number of epochs, such as 4");
        }
        BigDecimal days = number(text, what, "a number of days, such as 30");
        if (days.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be more than 0 days.");
        }
        BigDecimal epochSeconds = BigDecimal.valueOf(Math.max(1, epoch.toSeconds()));
        BigDecimal n = days.multiply(DAY_SECONDS).divide(epochSeconds, 0, RoundingMode.CEILING);
        if (n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(what + " is far too long.");
        }
        return n.intValueExact();
    }

    /** Epochs in the form's unit: days (rounded to a tenth) if the epoch's length is known, else epochs. */
    static String period(long epochs, @Nullable Duration epoch) {
        if (epoch == null) {
            return String.valueOf(epochs);
        }
        BigDecimal days = BigDecimal.valueOf(epochs)
                .multiply(BigDecimal.valueOf(epoch.toSeconds()))
                .divide(DAY_SECONDS, 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return days.toPlainString();
    }

    /** Epochs in words: {@code "3 epochs (42 days)"}, or {@code "3 epochs"} if their length is unknown. */
    static String epochWords(long epochs, @Nullable Duration epoch) {
        String e = epochs + (epochs == 1 ? " epoch" : " epochs");
        if (epoch == null) {
            return e;
        }
        String days = period(epochs, epoch);
        return e + " (" + days + (days.equals("1") ? " day)" : " days)");
    }

    /** A whole number at least {@code min}, as typed. */
    static int wholeNumber(String text, String what, int min, String example) {
        String t = text.strip();
        int n;
        try {
            n = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be " + example + ", not '" + t + "'.");
        }
        if (n < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", not " + n + ".");
        }
        return n;
    }

    /**
     * An upload limit as typed, in bytes per second; empty or 0 for no limit.
     *
     * @throws IllegalArgumentException if it is not a number, is negative, or is less than a byte per second
     */
    static long bytesPerSecond(String text, RateUnit unit) {
        String what = "The upload limit";
        if (text.isBlank()) {
            return 0;
        }
        BigDecimal n = number(text, what, "a number, such as 2 or 0.5 (or empty for no limit)");
        if (n.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be negative: leave it empty for no limit.");
        }
        BigDecimal bytes = n.multiply(BigDecimal.valueOf(unit.bytes())).setScale(0, RoundingMode.HALF_UP);
        if (n.signum() > 0 && bytes.signum() == 0) {
            throw new IllegalArgumentException(what + " is too small: at least 1 byte per second.");
        }
        try {
            return bytes.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " is too large: leave it empty for no limit.");
        }
    }

    /** An upload limit as the form shows it: MB/s from 1 MB/s up, else KB/s; empty for none. */
    static Rate rate(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            return new Rate("", RateUnit.MB);
        }
        RateUnit unit = bytesPerSecond >= RateUnit.MB.bytes() ? RateUnit.MB : RateUnit.KB;
        BigDecimal v = BigDecimal.valueOf(bytesPerSecond)
                .divide(BigDecimal.valueOf(unit.bytes()), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return new Rate(v.toPlainString(), unit);
    }

    /** An upload limit in words: {@code "no limit"}, {@code "2 MB/s"}. */
    static String rateWords(long bytesPerSecond) {
        Rate r = rate(bytesPerSecond);
        return r.text().isEmpty() ? "no limit" : r.text() + " " + r.unit();
    }

    /**
     * A schedule as typed in the custom field, in the engine's text form.
     *
     * @throws IllegalArgumentException naming the forms it accepts
     */
    static SyncSchedule schedule(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("Type a schedule, such as 'every 2h', '22:00-06:00' or"
                    + " 'nights every 1h', or pick one from the list.");
        }
        try {
            return SyncSchedule.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The schedule '" + text.strip() + "' cannot be read. Use 'every' and a"
                    + " time such as 30m, 2h or 1d; a time window such as 22:00-06:00; 'nights'; or a window and a time"
                    + " together, such as 'nights every 1h'.");
        }
    }

    /** A schedule in words: {@code "as soon as files change"}, {@code "only between 22:00 and 06:00"}. */
    static String scheduleWords(SyncSchedule s) {
        String every = s.every().isZero() ? "" : "at most once every " + durationWords(s.every());
        if (s.windowStart() == null || s.windowEnd() == null) {
            return every.isEmpty() ? "as soon as files change" : every;
        }
        String window = "only between " + time(s.windowStart()) + " and " + time(s.windowEnd());
        return every.isEmpty() ? window : window + ", " + every;
    }

    private static String time(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    /** A duration in the largest unit that divides it: {@code "hour"}, {@code "4 hours"}, {@code "90 minutes"}. */
    static String durationWords(Duration d) {
        long s = d.toSeconds();
        if (s > 0 && s % 86_400 == 0) {
            return unit(s / 86_400, "day");
        }
        if (s > 0 && s % 3600 == 0) {
            return unit(s / 3600, "hour");
        }
        if (s > 0 && s % 60 == 0) {
            return unit(s / 60, "minute");
        }
        return unit(Math.max(s, d.isZero() ? 0 : 1), "second");
    }

    private static String unit(long n, String name) {
        return n == 1 ? name : n + " " + name + "s";
    }

    private static BigDecimal number(String text, String what, String example) {
        String t = text.strip();
        try {
            BigDecimal n = new BigDecimal(t);
            if (n.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw new IllegalArgumentException(what + " is far too large.");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be " + example + ", not '" + t + "'.");
        }
    }
}
