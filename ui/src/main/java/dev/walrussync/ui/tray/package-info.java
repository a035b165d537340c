/** The system tray: its state, its menu as data, and the AWT implementation with a window fallback. */
@NullMarked
package dev.walrussync.ui.tray;

import org.jspecify.annotations.NullMarked;
