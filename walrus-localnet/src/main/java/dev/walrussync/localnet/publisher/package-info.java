/**
 * The publisher and aggregator: the Walrus daemon's HTTP API (protocol.md §1) over the local storage
 * nodes and chain. Writes encode, register, fan out to the nodes, collect a quorum of confirmations,
 * certify and transfer; reads fetch verified metadata and primary slivers and decode. Quilts
 * ({@code PUT /v1/quilts} and the quilt read routes) are laid out with {@code dev.walrussync.walrus.quilt}
 * and stored and read as ordinary blobs.
 */
package dev.walrussync.localnet.publisher;
