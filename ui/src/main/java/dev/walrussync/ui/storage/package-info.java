/** The storage screen: the repository's blobs on Walrus, renewing them now, and the renewal log. */
@NullMarked
package dev.walrussync.ui.storage;

import org.jspecify.annotations.NullMarked;
