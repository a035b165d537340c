package dev.walrussync.walrus.chain;

import java.net.URI;

/**
 * A storage node of the current committee.
 *
 * @param nodeId its Sui node ID (the ID of its staking pool)
 * @param name its name
 * @param url the base URL of its storage-node REST API
 * @param shards how many shards it holds in this epoch
 */
public record CommitteeNode(String nodeId, String name, URI url, int shards) {}
