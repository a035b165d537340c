/** Publisher and aggregator HTTP clients: store blobs, read blobs and byte ranges. */
@NullMarked
package dev.walrussync.walrus.publisher;

import org.jspecify.annotations.NullMarked;
