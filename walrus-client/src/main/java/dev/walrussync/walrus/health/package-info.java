/** Storage-node health: {@code /v1/health} of every committee node, with latency. */
@NullMarked
package dev.walrussync.walrus.health;

import org.jspecify.annotations.NullMarked;
