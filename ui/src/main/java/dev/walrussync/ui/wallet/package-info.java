/** The wallet screen: the repository's Sui address, its WAL and SUI, and the faucet on the local network. */
@NullMarked
package dev.walrussync.ui.wallet;

import org.jspecify.annotations.NullMarked;
