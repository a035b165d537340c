/**
 * The publisher and aggregator: the Walrus daemon's HTTP API (protocol.md §1) over the local storage
 * nodes and chain. Writes encode, register, fan out to the nodes, collect a quorum of confirmations,
 * certify and transfer; reads fetch verified metadata and primary slivers and decode.
 */
package dev.walrussync.localnet.publisher;
