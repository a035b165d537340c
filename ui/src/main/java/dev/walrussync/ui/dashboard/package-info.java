/** The dashboard: each folder's state, balances, runway and alerts. */
@NullMarked
package dev.walrussync.ui.dashboard;

import org.jspecify.annotations.NullMarked;
