/** Walrus on Sui over GraphQL: system object, balances, owned blobs, and signed transactions. */
@NullMarked
package dev.walrussync.walrus.chain;

import org.jspecify.annotations.NullMarked;
