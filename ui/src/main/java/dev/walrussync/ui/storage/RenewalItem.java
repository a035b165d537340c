package dev.walrussync.ui.storage;

/**
 * One line of the renewal log, in words.
 *
 * @param time when
 * @param blobId the Walrus blob ID
 * @param epochs the end epoch before and after, with the epochs added
 * @param cost the WAL paid
 * @param result {@code extended} or {@code failed}, with the reason
 * @param ok whether the extension was made
 */
public record RenewalItem(String time, String blobId, String epochs, String cost, String result, boolean ok) {}
