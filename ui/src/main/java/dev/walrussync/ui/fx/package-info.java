/** JavaFX glue: the application, the FX executor, the FXML loader and the app's icons. */
@NullMarked
package dev.walrussync.ui.fx;

import org.jspecify.annotations.NullMarked;
