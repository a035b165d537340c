/**
 * The repository: keys, packs and the index working together for backup, restore, check, forget,
 * prune and index rebuilds. Callers outside the engine go through {@code engine.api}.
 */
package dev.walrussync.engine.repo;
