/**
 * Walrus quilts (QuiltV1): many small blobs ("patches") laid out in one blob, each in its own consecutive columns
 * (secondary slivers) of the RS2 source matrix, with a BCS index in the first columns, byte-compatible with
 * walrus-core's {@code quilt_encoding.rs} (protocol.md §3.11), and the 37-byte quilt patch IDs.
 *
 * <p>Entry points: {@link dev.walrussync.walrus.quilt.QuiltV1#encode} builds a quilt blob whose blob ID is the
 * quilt ID, {@link dev.walrussync.walrus.quilt.QuiltV1#parse} reads one back, and {@link
 * dev.walrussync.walrus.quilt.QuiltPatchId} is the text form a patch is fetched by.
 */
package dev.walrussync.walrus.quilt;
