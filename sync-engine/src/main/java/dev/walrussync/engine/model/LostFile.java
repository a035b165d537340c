package dev.walrussync.engine.model;

import java.time.Instant;

/**
 * A file version whose data is gone: a blob holding some of it expired, and the file on disk no longer
 * has that content.
 *
 * @param path the file, as {@code folder/path}
 * @param size the version's size
 * @param modified the version's modification time
 * @param firstSnapshot the first snapshot that holds this version (later ones may too)
 */
public record LostFile(String path, long size, Instant modified, String firstSnapshot) {}
