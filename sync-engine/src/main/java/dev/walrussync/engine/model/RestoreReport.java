package dev.walrussync.engine.model;

import java.time.Duration;
import java.util.List;

/** What a restore did. Non-empty {@code skippedExisting} or {@code errors} make it partial. */
public record RestoreReport(
        ChunkId snapshotId,
        long files,
        long dirs,
        long symlinks,
        long bytes,
        List<String> skippedExisting,
        List<String> errors,
        Duration duration) {}
