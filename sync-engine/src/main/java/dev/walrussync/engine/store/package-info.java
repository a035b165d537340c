/**
 * The storage port ({@link dev.walrussync.engine.store.BlobStore}) and its implementations.
 *
 * <p>Stores know nothing of packs, keys or the index: they depend only on {@code model}.
 */
package dev.walrussync.engine.store;
