package dev.walrussync.engine.model;

/**
 * What {@code prune} did.
 *
 * @param packsDeleted packs that held nothing still referenced
 * @param packsRepacked packs whose referenced chunks were copied to new packs before deletion
 * @param chunksRemoved chunks that no snapshot references any more
 * @param bytesFreed stored bytes removed
 * @param bytesWritten stored bytes of the new packs
 */
public record PruneReport(
        int packsDeleted, int packsRepacked, long chunksRemoved, long bytesFreed, long bytesWritten) {}
