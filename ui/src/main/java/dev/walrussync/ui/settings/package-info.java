/** The Settings screen and the desktop app's own preferences ({@code desktop.json}). */
@NullMarked
package dev.walrussync.ui.settings;

import org.jspecify.annotations.NullMarked;
