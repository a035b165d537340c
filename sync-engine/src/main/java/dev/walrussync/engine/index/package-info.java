/** The local SQLite index: a cache of the repository that can be rebuilt from the store. */
package dev.walrussync.engine.index;
