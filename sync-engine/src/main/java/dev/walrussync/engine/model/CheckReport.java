package dev.walrussync.engine.model;

import java.util.List;

/**
 * What {@code check} found. Any {@code errors} mean data is missing or damaged; each names the pack,
 * snapshot or file concerned.
 */
public record CheckReport(
        int packs, int snapshots, long trees, long chunksRead, List<String> errors, List<String> warnings) {
    public boolean ok() {
        return errors.isEmpty();
    }
}
