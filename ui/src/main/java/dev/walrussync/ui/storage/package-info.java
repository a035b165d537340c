/**
 * The storage screen: the repository's blobs on Walrus, the renewal policy, renewing them now, the renewal log, and
 * what backing up the pending changes will cost.
 */
@NullMarked
package dev.walrussync.ui.storage;

import org.jspecify.annotations.NullMarked;
