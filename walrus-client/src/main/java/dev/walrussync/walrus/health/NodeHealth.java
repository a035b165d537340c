package dev.walrussync.walrus.health;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one storage node answered to {@code GET /v1/health}, or why it did not.
 *
 * @param name the node's name
 * @param url its base URL
 * @param reachable whether it answered with a health document
 * @param nodeStatus its {@code nodeStatus} (for example {@code Active}), if it answered
 * @param epoch the epoch it reports, or -1
 * @param shardsOwned how many shards it reports owning, or -1
 * @param latency how long the request took
 * @param error why it is unreachable, if it is
 */
public record NodeHealth(
        String name,
        URI url,
        boolean reachable,
        @Nullable String nodeStatus,
        long epoch,
        int shardsOwned,
        Duration latency,
        @Nullable String error) {}
