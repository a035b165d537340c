/** The directory store: a repository in a local folder or on an external disk. */
package dev.walrussync.engine.store.dir;
