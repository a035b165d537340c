/** The restore screen: the snapshots on a timeline, a snapshot's tree, a file's versions, and restoring. */
@NullMarked
package dev.walrussync.ui.restore;

import org.jspecify.annotations.NullMarked;
