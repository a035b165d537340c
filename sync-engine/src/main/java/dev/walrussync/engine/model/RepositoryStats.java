package dev.walrussync.engine.model;

/**
 * How much the repository holds.
 *
 * @param logicalBytes the sum of every snapshot's file bytes, as if nothing were deduplicated
 * @param uniqueBytes plaintext bytes of distinct data chunks
 * @param storedBytes bytes of packs in the store (compressed, encrypted, padded)
 */
public record RepositoryStats(
        String store,
        int snapshots,
        long latestFiles,
        long latestBytes,
        long logicalBytes,
        long uniqueBytes,
        long storedBytes,
        long packs,
        long chunks) {}
