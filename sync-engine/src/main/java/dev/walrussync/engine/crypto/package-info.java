/**
 * Keys and cryptography: the master key and its subkeys, key slots, AES-256-GCM and keyed chunk IDs.
 *
 * <p>Depends only on {@code model} and {@code internal}.
 */
package dev.walrussync.engine.crypto;
