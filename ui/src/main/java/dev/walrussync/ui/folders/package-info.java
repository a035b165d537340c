/** The watched folders: add, remove, excludes, pause and sync now. */
@NullMarked
package dev.walrussync.ui.folders;

import org.jspecify.annotations.NullMarked;
