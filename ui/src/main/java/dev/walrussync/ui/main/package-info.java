/** The main window: navigation, the shared view of the sync service, and the app's flow from unlock to quit. */
@NullMarked
package dev.walrussync.ui.main;

import org.jspecify.annotations.NullMarked;
