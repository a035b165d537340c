package dev.walrussync.ui.dashboard;

import java.time.Instant;

/**
 * One bar of the expiry chart: the stored data whose paid storage ends at one epoch.
 *
 * @param endEpoch the first epoch in which it is no longer stored, unless renewed
 * @param ends when that epoch starts, estimated from the epoch length
 * @param label the date, as the chart's axis shows it
 * @param bytes how much of the repository's data (unencoded) ends then
 * @param blobs in how many blobs
 */
public record ExpiryBar(long endEpoch, Instant ends, String label, long bytes, int blobs) {}
