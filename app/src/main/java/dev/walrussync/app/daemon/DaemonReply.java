package dev.walrussync.app.daemon;

import dev.walrussync.engine.model.SyncStatus;
import dev.walrussync.engine.model.WalrusStatus;
import org.jspecify.annotations.Nullable;

/**
 * The daemon's answer.
 *
 * @param error why the request failed, or null
 * @param pid the daemon's process ID
 * @param sync the daemon's status after the request
 * @param walrus the repository's Walrus status, when asked for and the repository is on Walrus
 * @param walrusError why the Walrus status could not be had, if it was asked for
 */
public record DaemonReply(
        @Nullable String error,
        long pid,
        @Nullable SyncStatus sync,
        @Nullable WalrusStatus walrus,
        @Nullable String walrusError) {}
