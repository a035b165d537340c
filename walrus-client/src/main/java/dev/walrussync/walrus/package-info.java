/** Walrus and Sui protocols: erasure encoding, blob IDs, BCS, transactions and HTTP clients. */
package dev.walrussync.walrus;
