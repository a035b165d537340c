/** JavaFX glue: the application, the FX executor and the FXML loader. */
@NullMarked
package dev.walrussync.ui.fx;

import org.jspecify.annotations.NullMarked;
