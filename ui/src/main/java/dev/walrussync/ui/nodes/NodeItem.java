package dev.walrussync.ui.nodes;

/**
 * One row of the nodes table.
 *
 * @param name the node's name
 * @param url its storage-node API URL
 * @param up whether it answered its health check
 * @param status {@code up} or {@code down}, with the node's own status or the reason
 * @param shards the shards the committee assigns to it
 * @param latency how long the health check took, in words
 */
public record NodeItem(String name, String url, boolean up, String status, int shards, String latency) {}
