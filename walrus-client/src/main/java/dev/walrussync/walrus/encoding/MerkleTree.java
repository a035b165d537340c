package dev.walrussync.walrus.encoding;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Walrus Merkle trees over Blake2b-256: a leaf is {@code H(0x00 ‖ leaf)}, an inner node is {@code H(0x01 ‖ left ‖
 * right)}, a level with an odd number of nodes is padded with the empty node (32 zero bytes), the root of one leaf
 * is its leaf hash and the root of no leaves is the empty node.
 */
public final class MerkleTree {
    /** Length of every node, in bytes. */
    public static final int DIGEST_LENGTH = Blake2b256.LENGTH;

    static final byte LEAF_PREFIX = 0;
    static final byte INNER_PREFIX = 1;

    private MerkleTree() {}

    /** The empty node: 32 zero bytes. */
    public static byte[] emptyNode() {
        return new byte[DIGEST_LENGTH];
    }

    /** The root of the tree whose leaves are the given byte strings, in order. */
    public static byte[] root(List<byte[]> leaves) {
        Objects.requireNonNull(leaves, "leaves");
        Blake2b256 hasher = new Blake2b256();
        byte[] level = new byte[leaves.size() * DIGEST_LENGTH];
        for (int i = 0; i < leaves.size(); i++) {
            byte[] leaf = leaves.get(i);
            hasher.hash(LEAF_PREFIX, leaf, 0, leaf.length, level, i * DIGEST_LENGTH);
        }
        return reduce(level, leaves.size(), hasher);
    }

    /**
     * The proof that {@code leaves.get(index)} is leaf {@code index} of the tree over {@code leaves}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not a leaf index
     */
    public static MerkleProof proof(List<byte[]> leaves, int index) {
        Objects.requireNonNull(leaves, "leaves");
        Objects.checkIndex(index, leaves.size());
        Blake2b256 hasher = new Blake2b256();
        byte[] level = new byte[leaves.size() * DIGEST_LENGTH];
        for (int i = 0; i < leaves.size(); i++) {
            byte[] leaf = leaves.get(i);
            hasher.hash(LEAF_PREFIX, leaf, 0, leaf.length, level, i * DIGEST_LENGTH);
        }
        return proof(level, leaves.size(), index, hasher);
    }

    /** The proof for leaf {@code index} given the {@code count} leaf hashes in {@code leafHashes}. */
    static MerkleProof proof(byte[] leafHashes, int count, int index, Blake2b256 hasher) {
        return proof(levels(leafHashes, count, hasher), count, index);
    }

    /**
     * Every level of the tree over {@code count} leaf hashes, from {@code leafHashes} itself (not copied) up to the
     * level of the root.
     */
    static byte[][] levels(byte[] leafHashes, int count, Blake2b256 hasher) {
        byte[][] levels = new byte[MerkleProof.pathLength(count) + 1][];
        levels[0] = leafHashes;
        byte[] pair = new byte[2 * DIGEST_LENGTH];
        for (int l = 1; l < levels.length; l++) {
            byte[] level = Arrays.copyOf(levels[l - 1], count * DIGEST_LENGTH);
            count = reduceLevel(level, 0, count, pair, hasher);
            levels[l] = Arrays.copyOf(level, count * DIGEST_LENGTH);
        }
        return levels;
    }

    /**
     * The proof for leaf {@code index} from the {@link #levels} of a tree of {@code count} leaves: the sibling of
     * the node on the path at each level (the empty node past the end of an odd level).
     */
    static MerkleProof proof(byte[][] levels, int count, int index) {
        byte[][] path = new byte[levels.length - 1][];
        for (int l = 0; l < path.length; l++) {
            int sibling = index ^ 1;
            path[l] = sibling < count
                    ? Arrays.copyOfRange(levels[l], sibling * DIGEST_LENGTH, (sibling + 1) * DIGEST_LENGTH)
                    : emptyNode();
            count = (count + 1) / 2;
            index >>>= 1;
        }
        return MerkleProof.wrap(path);
    }

    /** The leaf hash {@code H(0x00 ‖ data)}. */
    public static byte[] leafHash(byte[] data) {
        byte[] out = new byte[DIGEST_LENGTH];
        new Blake2b256().hash(LEAF_PREFIX, data, 0, data.length, out, 0);
        return out;
    }

    /**
     * Reduces {@code count} consecutive 32-byte leaf hashes in {@code level} to the root; {@code level} is
     * overwritten.
     */
    static byte[] reduce(byte[] level, int count, Blake2b256 hasher) {
        return reduce(level, 0, count, hasher);
    }

    /**
     * Reduces {@code count} consecutive 32-byte nodes starting at {@code level[offset]} to the root of the tree
     * above them; those bytes are overwritten.
     */
    static byte[] reduce(byte[] level, int offset, int count, Blake2b256 hasher) {
        if (count == 0) {
            return emptyNode();
        }
        byte[] pair = new byte[2 * DIGEST_LENGTH];
        while (count > 1) {
            count = reduceLevel(level, offset, count, pair, hasher);
        }
        byte[] root = new byte[DIGEST_LENGTH];
        System.arraycopy(level, offset, root, 0, DIGEST_LENGTH);
        return root;
    }

    /**
     * Reduces {@code count} consecutive nodes at the start of {@code level} by exactly {@code levels} levels,
     * padding every odd level with the empty node even when it holds a single node, and returns the number of
     * nodes left ({@code ceil(count / 2^levels)}).
     *
     * <p>The nodes of one level of a tree whose leaf count is {@code total} can be computed block by block: the
     * leaves {@code [b 2^levels, min(total, (b+1) 2^levels))} reduce to node {@code b} of level {@code levels},
     * provided the tree has more than one such block. Only the last block can be partial, and the parity of its
     * node count at each level below {@code levels} is the parity of that level in the whole tree, so it is
     * padded exactly where the whole tree is.
     */
    static int reduceLevels(byte[] level, int count, int levels, Blake2b256 hasher) {
        byte[] pair = new byte[2 * DIGEST_LENGTH];
        for (int l = 0; l < levels; l++) {
            count = reduceLevel(level, 0, count, pair, hasher);
        }
        return count;
    }

    /** Hashes one level of {@code count} nodes into the next, in place; returns its node count. */
    private static int reduceLevel(byte[] level, int offset, int count, byte[] pair, Blake2b256 hasher) {
        int next = (count + 1) / 2;
        for (int i = 0; i < next; i++) {
            int left = offset + 2 * i * DIGEST_LENGTH;
            System.arraycopy(level, left, pair, 0, DIGEST_LENGTH);
            if (2 * i + 1 < count) {
                System.arraycopy(level, left + DIGEST_LENGTH, pair, DIGEST_LENGTH, DIGEST_LENGTH);
            } else {
                Arrays.fill(pair, DIGEST_LENGTH, 2 * DIGEST_LENGTH, (byte) 0);
            }
            hasher.hash(INNER_PREFIX, pair, 0, pair.length, level, offset + i * DIGEST_LENGTH);
        }
        return next;
    }
}
