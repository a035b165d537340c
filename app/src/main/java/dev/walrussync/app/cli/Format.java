package dev.walrussync.app.cli;

import java.util.Locale;

/** Human-readable sizes and durations for the command line. */
public final class Format {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Format() {}

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

    public static String duration(long seconds) {
        if (seconds >= 86_400 && seconds % 3600 == 0) {
            long days = seconds / 86_400;
            long hours = (seconds % 86_400) / 3600;
            return days + (days == 1 ? " day" : " days") + (hours == 0 ? "" : " " + hours + " h");
        }
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** A span of days for people: {@code 12 days}, or {@code about 3 years} beyond two years. */
    public static String days(java.time.Duration span) {
        long days = span.toDays();
        return days >= 730 ? "about " + days / 365 + " years" : days + (days == 1 ? " day" : " days");
    }

    /** Parses sizes such as {@code 10MiB}, {@code 64M}, {@code 1g} or a plain byte count. */
    public static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        long mult = 1;
        String num = t;
        String[][] suffixes = {
            {"kib", "1024"},
            {"mib", "1048576"},
            {"gib", "1073741824"},
            {"kb", "1000"},
            {"mb", "1000000"},
            {"gb", "1000000000"},
            {"k", "1024"},
            {"m", "1048576"},
            {"g", "1073741824"},
            {"b", "1"}
        };
        for (String[] s : suffixes) {
            if (t.endsWith(s[0])) {
                num = t.substring(0, t.length() - s[0].length());
                mult = Long.parseLong(s[1]);
                break;
            }
        }
        try {
            long v = Long.parseLong(num);
            if (v <= 0) {
                throw new IllegalArgumentException("a size must be positive: '" + text + "'");
            }
            return Math.multiplyExact(v, mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (examples: 10MiB, 64M, 1G)");
        }
    }

    /** FROST as WAL with 9 decimals trimmed to what matters, e.g. {@code 0.0123 WAL}. */
    public static String wal(long frost) {
        return coins(frost, "WAL");
    }

    /** A WAL amount such as {@code 2.5} or {@code 2.5 WAL} in FROST (9 decimals). */
    public static long parseWal(String text) {
        String t = text.strip();
        if (t.regionMatches(true, Math.max(0, t.length() - 3), "WAL", 0, 3)) {
            t = t.substring(0, t.length() - 3).strip();
        }
        try {
            java.math.BigDecimal v = new java.math.BigDecimal(t);
            if (v.signum() < 0) {
                throw new IllegalArgumentException("a WAL amount cannot be negative: '" + text + "'");
            }
            return v.movePointRight(9).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "not a WAL amount: '" + text + "' (examples: 5, 0.25, 12.5WAL; at most 9 decimals)");
        }
    }

    /** MIST as SUI. */
    public static String sui(long mist) {
        return coins(mist, "SUI");
    }

    private static String coins(long base, String unit) {
        java.math.BigDecimal v = java.math.BigDecimal.valueOf(base, 9).stripTrailingZeros();
        return (v.signum() == 0 ? "0" : v.toPlainString()) + " " + unit;
    }
}
