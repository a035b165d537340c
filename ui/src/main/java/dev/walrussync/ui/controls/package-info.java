/** Small reusable pieces: formatting of sizes, durations and amounts. */
@NullMarked
package dev.walrussync.ui.controls;

import org.jspecify.annotations.NullMarked;
