package dev.walrussync.localnet.publisher;

import java.net.URI;
import java.util.SortedSet;

/** A storage node of the committee: its name, its URL and the shards it holds. */
public record NodeEndpoint(String name, URI baseUri, SortedSet<Integer> shards) {}
