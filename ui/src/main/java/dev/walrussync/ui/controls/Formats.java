package dev.walrussync.ui.controls;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the UI writes sizes, durations, times and token amounts: short, rounded, in plain words. */
public final class Formats {
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private Formats() {}

    /** {@code 1536} → {@code "1.5 KB"} (1024-based, as file managers show it). */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int u = 0;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, UNITS[u]);
    }

    /** A duration as the largest one or two units: {@code "3 h 20 min"}, {@code "45 s"}, {@code "12 days"}. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        long min = s / 60;
        if (min < 60) {
            return min + " min";
        }
        long h = min / 60;
        if (h < 48) {
            return min % 60 == 0 ? h + " h" : h + " h " + (min % 60) + " min";
        }
        long days = h / 24;
        if (days < 730) {
            return days + " days";
        }
        return "over " + (days / 365) + " years";
    }

    /** How long ago {@code then} was, seen from {@code now}: {@code "just now"}, {@code "5 min ago"}. */
    public static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.toSeconds() < 10) {
            return "just now";
        }
        return duration(d) + " ago";
    }

    /** A time of day where the user is: {@code "14:05"}. */
    public static String clock(Instant t, ZoneId zone) {
        return CLOCK.format(t.atZone(zone));
    }

    /** An amount in units of 10^-9 (FROST, MIST) as the token: {@code 1_500_000_000} → {@code "1.5"}. */
    public static String token(long nano) {
        double v = nano / 1e9;
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 1) {
            return String.format(Locale.ROOT, "%.2f", v).replaceFirst("\\.?0+$", "");
        }
        return String.format(Locale.ROOT, "%.4f", v).replaceFirst("\\.?0+$", "");
    }
}
