package dev.walrussync.walrus.encoding;

/** The two axes of RS2: a primary sliver is a row of the expanded blob matrix, a secondary sliver a column. */
public enum SliverType {
    PRIMARY,
    SECONDARY
}
