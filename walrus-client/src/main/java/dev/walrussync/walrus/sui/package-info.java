/**
 * Sui transactions for Walrus calls: addresses, object references, type tags, {@code TransactionData} with exact
 * BCS encoding and strict decoding, digests, intent signing with Ed25519, {@code suiprivkey} keys, and a
 * programmable-transaction builder that orders inputs as the {@code @mysten/sui} SDK does.
 *
 * <p>Byte layouts follow the {@code @mysten/sui} SDK and are pinned by the golden vectors in the test resource
 * {@code sui-tx-vectors.json}. Depends on {@code dev.walrussync.walrus.bcs} and Bouncy Castle.
 */
@NullMarked
package dev.walrussync.walrus.sui;

import org.jspecify.annotations.NullMarked;
