package dev.walrussync.engine.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A snapshot as listed: when, where from, what, and how much. */
public record SnapshotInfo(
        ChunkId id,
        Instant time,
        String host,
        String user,
        List<String> paths,
        List<String> tags,
        Optional<ChunkId> parent,
        long files,
        long bytes) {}
