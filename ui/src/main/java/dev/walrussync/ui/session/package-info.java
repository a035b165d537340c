/** The port the app implements: create, unlock and run the repository of the app home. */
@NullMarked
package dev.walrussync.ui.session;

import org.jspecify.annotations.NullMarked;
