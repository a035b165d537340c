package dev.walrussync.engine.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a snapshot, as {@code ls} shows it.
 *
 * @param path the path inside the snapshot, '/'-separated
 * @param type {@code file}, {@code dir} or {@code symlink}
 */
public record EntryInfo(String path, String type, long size, int mode, Instant mtime, Optional<String> target) {}
