/**
 * The repository's Sui wallet: its address, and its private key sealed under the repository's keys in the
 * app home. Depends on {@code crypto}, {@code model} and the Sui types of walrus-client.
 */
@NullMarked
package dev.walrussync.engine.wallet;

import org.jspecify.annotations.NullMarked;
