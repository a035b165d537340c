package dev.walrussync.app.daemon;

/**
 * A request to the daemon.
 *
 * @param command {@code status}, {@code pause}, {@code resume}, {@code sync-now}, {@code reload} or {@code stop}
 * @param full with {@code status}: also the repository's Walrus status (balances, runway, alerts)
 */
public record DaemonRequest(String command, boolean full) {
    public static DaemonRequest of(String command) {
        return new DaemonRequest(command, false);
    }
}
