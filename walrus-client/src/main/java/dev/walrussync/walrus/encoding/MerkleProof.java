package dev.walrussync.walrus.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A proof that some data is leaf {@code i} of a {@link MerkleTree}: the sibling nodes on the path from the leaf to
 * the root, lowest first (walrus-core's {@code MerkleProof}). A sibling past the end of an odd level is the empty
 * node. Immutable.
 */
public final class MerkleProof {
    private final byte[][] path;

    private MerkleProof(byte[][] path) {
        this.path = path;
    }

    /** A proof with copies of the given 32-byte sibling nodes, lowest first. */
    public static MerkleProof of(List<byte[]> path) {
        Objects.requireNonNull(path, "path");
        byte[][] nodes = new byte[path.size()][];
        for (int i = 0; i < nodes.length; i++) {
            byte[] node = path.get(i);
            if (node.length != MerkleTree.DIGEST_LENGTH) {
                throw new IllegalArgumentException("a Merkle node has 32 bytes, got " + node.length);
            }
            nodes[i] = node.clone();
        }
        return new MerkleProof(nodes);
    }

    static MerkleProof wrap(byte[][] path) {
        return new MerkleProof(path);
    }

    /** Copies of the sibling nodes, lowest first. */
    public List<byte[]> path() {
        List<byte[]> out = new ArrayList<>(path.length);
        for (byte[] node : path) {
            out.add(node.clone());
        }
        return out;
    }

    /** The number of levels between a leaf of a tree with {@code leafCount} leaves and its root. */
    public static int pathLength(int leafCount) {
        return leafCount <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(leafCount - 1);
    }

    /**
     * The root of the tree in which {@code leaf} is leaf {@code leafIndex} and this proof's nodes are the
     * siblings on its path.
     *
     * @throws IllegalArgumentException if {@code leafIndex} does not fit in a tree of this proof's depth
     */
    public byte[] computeRoot(byte[] leaf, int leafIndex) {
        Objects.requireNonNull(leaf, "leaf");
        if (leafIndex < 0 || (path.length < 31 && leafIndex >>> path.length != 0)) {
            throw new IllegalArgumentException(
                    "leaf index " + leafIndex + " out of range for a proof of " + path.length + " levels");
        }
        Blake2b256 hasher = new Blake2b256();
        byte[] current = new byte[MerkleTree.DIGEST_LENGTH];
        hasher.hash(MerkleTree.LEAF_PREFIX, leaf, 0, leaf.length, current, 0);
        byte[] pair = new byte[2 * MerkleTree.DIGEST_LENGTH];
        int index = leafIndex;
        for (byte[] sibling : path) {
            boolean left = (index & 1) == 0;
            System.arraycopy(left ? current : sibling, 0, pair, 0, MerkleTree.DIGEST_LENGTH);
            System.arraycopy(left ? sibling : current, 0, pair, MerkleTree.DIGEST_LENGTH, MerkleTree.DIGEST_LENGTH);
            hasher.hash(MerkleTree.INNER_PREFIX, pair, 0, pair.length, current, 0);
            index >>>= 1;
        }
        return current;
    }

    /**
     * Whether this proves that {@code leaf} is leaf {@code leafIndex} of the tree of {@code leafCount} leaves whose
     * root is {@code root}: the path has that tree's depth and leads to that root.
     */
    public boolean verifies(byte[] root, int leafCount, byte[] leaf, int leafIndex) {
        Objects.requireNonNull(root, "root");
        return leafIndex >= 0
                && leafIndex < leafCount
                && path.length == pathLength(leafCount)
                && Arrays.equals(computeRoot(leaf, leafIndex), root);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MerkleProof other && Arrays.deepEquals(path, other.path);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(path);
    }

    @Override
    public String toString() {
        return "MerkleProof[" + path.length + " levels]";
    }
}
