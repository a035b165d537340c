package dev.walrussync.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * A storage node of the current committee and how it answered.
 *
 * @param name its name
 * @param url its storage-node API URL
 * @param shards the shards the committee assigns to it
 * @param reachable whether it answered its health check
 * @param status its reported status (for example {@code Active}), if it answered
 * @param latencyMillis how long the health check took
 * @param error why it is unreachable, if it is
 */
public record NodeStatus(
        String name,
        String url,
        int shards,
        boolean reachable,
        @Nullable String status,
        long latencyMillis,
        @Nullable String error) {}
