/**
 * Change signals for the watch daemon: {@link dev.walrussync.engine.watch.FolderWatcher} turns file-system events
 * into "this path changed" calls, and {@link dev.walrussync.engine.watch.ChangeBatch} collects them per folder and
 * says when a backup is due (quiet period, pack age, maximum delay). This package never decides <em>what</em>
 * changed — the backup's unchanged-file check does — and depends on nothing in the engine but {@code model}.
 */
@NullMarked
package dev.walrussync.engine.watch;

import org.jspecify.annotations.NullMarked;
