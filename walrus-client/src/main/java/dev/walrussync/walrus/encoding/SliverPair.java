package dev.walrussync.walrus.encoding;

import java.util.Objects;

/**
 * The two slivers a shard stores for a blob: primary sliver {@code pairIndex} and secondary sliver {@code n - 1 -
 * pairIndex}.
 */
public record SliverPair(int pairIndex, Sliver primary, Sliver secondary) {
    public SliverPair {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(secondary, "secondary");
        if (primary.type() != SliverType.PRIMARY || secondary.type() != SliverType.SECONDARY) {
            throw new IllegalArgumentException("a sliver pair is one primary and one secondary sliver");
        }
    }
}
