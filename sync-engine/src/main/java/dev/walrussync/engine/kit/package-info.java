/**
 * The printable recovery kit: one self-contained HTML page with what a new machine needs to open the
 * repository (the recovery phrase, the network, the wallet and its key) and how to use it. Pure text
 * generation with no I/O; depends only on {@code model} and {@code internal}.
 */
@NullMarked
package dev.walrussync.engine.kit;

import org.jspecify.annotations.NullMarked;
