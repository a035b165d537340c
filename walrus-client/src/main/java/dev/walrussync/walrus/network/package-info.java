/** Walrus networks: endpoints and on-chain IDs, with presets for testnet and mainnet. */
@NullMarked
package dev.walrussync.walrus.network;

import org.jspecify.annotations.NullMarked;
