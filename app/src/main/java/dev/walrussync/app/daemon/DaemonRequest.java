package dev.walrussync.app.daemon;

import org.jspecify.annotations.Nullable;

/**
 * A request to the daemon.
 *
 * @param command {@code status}, {@code pause}, {@code resume}, {@code sync-now}, {@code reload} or {@code stop}
 * @param full with {@code status}: also the repository's Walrus status (balances, runway, alerts)
 * @param pauseFor with {@code pause}: how long (as {@code Durations} writes it); null until resumed
 */
public record DaemonRequest(
        String command, boolean full, @Nullable String pauseFor) {
    public static DaemonRequest of(String command) {
        return new DaemonRequest(command, false, null);
    }
}
