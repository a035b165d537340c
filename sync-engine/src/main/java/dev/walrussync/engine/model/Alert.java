package dev.walrussync.engine.model;

/**
 * Something the user must act on before data is lost: shown by {@code status}, written to the log by
 * every renewal pass, and raised as a notification by the tray app.
 *
 * @param kind what is wrong
 * @param message what is wrong and what to do, in plain words
 */
public record Alert(Kind kind, String message) {
    /** The kinds, from the least to the most urgent. */
    public enum Kind {
        /** The money lasts less than 30 days. */
        RUNWAY_BELOW_30_DAYS,
        /** The money lasts less than 14 days. */
        RUNWAY_BELOW_14_DAYS,
        /** The money lasts less than 7 days. */
        RUNWAY_BELOW_7_DAYS,
        /** The wallet cannot pay the next renewal (WAL beyond the reserve, or SUI for gas). */
        CANNOT_PAY_NEXT_RENEWAL,
        /** A blob that snapshots need ends within 2 epochs and the wallet cannot extend it. */
        EXPIRY_WITHOUT_FUNDS,
        /** A blob that snapshots need has expired. */
        DATA_EXPIRED
    }
}
