/** The in-memory store, for tests and dry runs. */
package dev.walrussync.engine.store.memory;
