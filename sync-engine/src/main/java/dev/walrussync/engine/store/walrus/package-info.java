/**
 * The storage port on Walrus: packs stored through a publisher and owned by the repository's wallet,
 * read through aggregators, listed, extended and deleted on Sui. Also the Walrus settings file and
 * the connector that turns it into a reachable network.
 */
@NullMarked
package dev.walrussync.engine.store.walrus;

import org.jspecify.annotations.NullMarked;
