/** The nodes screen: the Walrus committee's storage nodes, their health, and whether a quorum answers. */
@NullMarked
package dev.walrussync.ui.nodes;

import org.jspecify.annotations.NullMarked;
