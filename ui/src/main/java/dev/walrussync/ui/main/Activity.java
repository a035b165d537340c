package dev.walrussync.ui.main;

import java.time.Instant;

/**
 * One thing that happened, for the tray's recent activity and the notifications.
 *
 * @param at when the app saw it (the engine's clock)
 * @param kind what happened
 * @param title a few words: the folder, or what the alert is about
 * @param text the sentence the user reads
 */
public record Activity(Instant at, Kind kind, String title, String text) {
    /** What happened; the last four are what notifications are made of. */
    public enum Kind {
        /** A folder's changes are in a new snapshot. */
        BACKED_UP(false),
        /** The storage network answers again. */
        ONLINE(false),
        /** The storage network cannot be reached. */
        OFFLINE(true),
        /** A folder's backup failed. */
        BACKUP_FAILED(true),
        /** The money keeps the data stored for less than a month, or cannot pay the next renewal. */
        LOW_RUNWAY(true),
        /** Stored data expires soon without the money to renew it, or has expired. */
        EXPIRY_RISK(true),
        /** A restore finished. */
        RESTORED(false);

        private final boolean warning;

        Kind(boolean warning) {
            this.warning = warning;
        }

        /** Whether it reports a problem. */
        public boolean warning() {
            return warning;
        }
    }
}
