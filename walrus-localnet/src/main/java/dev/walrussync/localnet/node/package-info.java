/**
 * Local Walrus storage nodes: {@link dev.walrussync.localnet.node.StorageNode} serves the storage-node REST API
 * (metadata, slivers, statuses, storage confirmations, health) over plain HTTP/1.1 on 127.0.0.1, keeps its shards'
 * data in its own folder, and learns epochs and blob registrations from a {@link
 * dev.walrussync.localnet.node.ChainView}.
 *
 * <p>Differences from real nodes: storage confirmations are signed with an Ed25519 key ({@link
 * dev.walrussync.localnet.node.NodeKey}), not BLS12-381 min-pk; the transport is HTTP/1.1 without TLS; {@code
 * ?pending=true} uploads are not buffered; recovery symbols, decoding symbols, inconsistency proofs and shard
 * migration are not served.
 */
package dev.walrussync.localnet.node;
