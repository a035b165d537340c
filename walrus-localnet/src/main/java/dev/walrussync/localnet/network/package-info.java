/**
 * The whole local network assembled: the chain, the storage nodes (in-process or as separate
 * processes), the publisher and aggregator, and the small internal API that node processes use to
 * follow the chain.
 */
package dev.walrussync.localnet.network;
