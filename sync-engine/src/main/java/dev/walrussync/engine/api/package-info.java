/**
 * The engine's façade: {@link dev.walrussync.engine.api.Repositories} and
 * {@link dev.walrussync.engine.api.RepositorySession}. The app and the UI use only this package and
 * {@code engine.model}.
 */
package dev.walrussync.engine.api;
