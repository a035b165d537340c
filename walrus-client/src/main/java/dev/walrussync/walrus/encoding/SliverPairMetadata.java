package dev.walrussync.walrus.encoding;

import java.util.Arrays;
import java.util.HexFormat;

/** The Merkle roots of the two slivers of one sliver pair, as stored in blob metadata. */
public final class SliverPairMetadata {
    private final byte[] primaryHash;
    private final byte[] secondaryHash;

    private SliverPairMetadata(byte[] primaryHash, byte[] secondaryHash) {
        this.primaryHash = check(primaryHash);
        this.secondaryHash = check(secondaryHash);
    }

    /** Pairs copies of the two 32-byte hashes. */
    public static SliverPairMetadata of(byte[] primaryHash, byte[] secondaryHash) {
        return new SliverPairMetadata(primaryHash.clone(), secondaryHash.clone());
    }

    static SliverPairMetadata wrap(byte[] primaryHash, byte[] secondaryHash) {
        return new SliverPairMetadata(primaryHash, secondaryHash);
    }

    private static byte[] check(byte[] hash) {
        if (hash.length != MerkleTree.DIGEST_LENGTH) {
            throw new IllegalArgumentException("a sliver hash has 32 bytes, got " + hash.length);
        }
        return hash;
    }

    /** Merkle root of the expanded primary sliver of this pair. */
    public byte[] primaryHash() {
        return primaryHash.clone();
    }

    /** Merkle root of the expanded secondary sliver of this pair. */
    public byte[] secondaryHash() {
        return secondaryHash.clone();
    }

    /** The hash of the given axis. */
    public byte[] hash(SliverType type) {
        return type == SliverType.PRIMARY ? primaryHash() : secondaryHash();
    }

    byte[] rawHash(SliverType type) {
        return type == SliverType.PRIMARY ? primaryHash : secondaryHash;
    }

    /** The leaf of the blob's Merkle tree: primary hash ‖ secondary hash. */
    byte[] leafInput() {
        byte[] leaf = new byte[2 * MerkleTree.DIGEST_LENGTH];
        System.arraycopy(primaryHash, 0, leaf, 0, MerkleTree.DIGEST_LENGTH);
        System.arraycopy(secondaryHash, 0, leaf, MerkleTree.DIGEST_LENGTH, MerkleTree.DIGEST_LENGTH);
        return leaf;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SliverPairMetadata other
                && Arrays.equals(primaryHash, other.primaryHash)
                && Arrays.equals(secondaryHash, other.secondaryHash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(primaryHash) + Arrays.hashCode(secondaryHash);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "SliverPairMetadata[" + hex.formatHex(primaryHash) + ", " + hex.formatHex(secondaryHash) + "]";
    }
}
