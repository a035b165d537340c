/**
 * Walrus RS2 erasure encoding: encoding parameters, Reed-Solomon over GF(2^16) (byte-compatible with
 * reed-solomon-simd), the two-dimensional blob encoding into primary and secondary slivers, Blake2b-256 Merkle
 * trees and proofs, blob metadata and blob IDs, sliver-pair to shard rotation, decoding from either kind of sliver,
 * and rebuilding single slivers from recovery symbols.
 *
 * <p>Entry points: {@link dev.walrussync.walrus.encoding.BlobEncoder}, {@link
 * dev.walrussync.walrus.encoding.BlobDecoder}, {@link dev.walrussync.walrus.encoding.SliverRecovery}, {@link
 * dev.walrussync.walrus.encoding.EncodingConfig} and {@link dev.walrussync.walrus.encoding.BlobId}.
 */
package dev.walrussync.walrus.encoding;
