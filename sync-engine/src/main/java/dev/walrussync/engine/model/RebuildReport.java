package dev.walrussync.engine.model;

/**
 * What an index rebuild found in the store.
 *
 * @param foreignBlobs blobs that are not packs of this repository, ignored
 * @param forgotten snapshots named by tombstones, not brought back
 */
public record RebuildReport(int packs, int foreignBlobs, long chunks, int snapshots, int forgotten) {}
