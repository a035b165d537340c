package dev.walrussync.ui.dashboard;

/**
 * One folder as the dashboard shows it.
 *
 * @param name the folder's own name
 * @param path its full path
 * @param state a short state label ("Up to date", "Uploading")
 * @param styleClass the CSS class of the state badge ({@code state-idle}, {@code state-error}, ...)
 * @param detail one line below: progress, the error, or what is pending
 * @param progress 0..1 while uploading with a known total, -1 for a running scan, 0 otherwise
 * @param lastSnapshot when the folder was last saved, in words
 * @param next when the next backup is due, in words, or empty when none is
 * @param size what the latest snapshot protects ("1.2 GB in 3,402 files"), or empty until it is known
 */
public record FolderCard(
        String name,
        String path,
        String state,
        String styleClass,
        String detail,
        double progress,
        String lastSnapshot,
        String next,
        String size) {}
