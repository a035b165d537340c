/**
 * The wallet screen: the repository's Sui address with its QR code, its WAL and SUI, the faucet on the local network,
 * and replacing the wallet with the user's own key.
 */
@NullMarked
package dev.walrussync.ui.wallet;

import org.jspecify.annotations.NullMarked;
