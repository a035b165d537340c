package dev.walrussync.walrus.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

/** Merkle tree rules and our Blake2b-256, checked against Bouncy Castle. */
class MerkleTreeTest {

    private static byte[] blake2b(byte[]... parts) {
        Blake2bDigest d = new Blake2bDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private static byte[] leaf(byte[] data) {
        return blake2b(new byte[] {0}, data);
    }

    private static byte[] inner(byte[] left, byte[] right) {
        return blake2b(new byte[] {1}, left, right);
    }

    @Test
    void rootOfNoLeavesIsTheEmptyNode() {
        assertThat(MerkleTree.root(List.of())).isEqualTo(new byte[32]);
    }

    @Test
    void rootOfOneLeafIsItsLeafHash() {
        byte[] a = {1, 2, 3};

        assertThat(MerkleTree.root(List.of(a))).isEqualTo(leaf(a));
        assertThat(MerkleTree.leafHash(a)).isEqualTo(leaf(a));
    }

    @Test
    void innerNodesHashPrefixOneAndBothChildren() {
        byte[] a = {1};
        byte[] b = {2};

        assertThat(MerkleTree.root(List.of(a, b))).isEqualTo(inner(leaf(a), leaf(b)));
    }

    @Test
    void oddLevelsArePaddedWithTheEmptyNode() {
        byte[] a = {1};
        byte[] b = {2};
        byte[] c = {3};
        byte[] empty = new byte[32];

        assertThat(MerkleTree.root(List.of(a, b, c))).isEqualTo(inner(inner(leaf(a), leaf(b)), inner(leaf(c), empty)));
        byte[][] five = {{1}, {2}, {3}, {4}, {5}};
        byte[] left = inner(inner(leaf(five[0]), leaf(five[1])), inner(leaf(five[2]), leaf(five[3])));
        byte[] right = inner(inner(leaf(five[4]), empty), empty);
        assertThat(MerkleTree.root(List.of(five))).isEqualTo(inner(left, right));
    }

    /** The encoder folds aligned blocks of leaves into nodes of one level, then reduces those nodes to the root. */
    @Test
    void reducingAlignedBlocksOfLeavesLevelByLevelGivesTheRoot() {
        Blake2b256 hasher = new Blake2b256();
        for (int count = 2; count <= 70; count++) {
            byte[][] leaves = new byte[count][];
            for (int i = 0; i < count; i++) {
                leaves[i] = new byte[] {(byte) i, (byte) count};
            }
            byte[] root = MerkleTree.root(List.of(leaves));
            for (int levels = 0; (1 << levels) < count; levels++) {
                int block = 1 << levels;
                int blocks = (count + block - 1) / block;
                byte[] nodes = new byte[blocks * 32];
                for (int b = 0; b < blocks; b++) {
                    int width = Math.min(block, count - b * block);
                    byte[] level = new byte[width * 32];
                    for (int i = 0; i < width; i++) {
                        System.arraycopy(leaf(leaves[b * block + i]), 0, level, i * 32, 32);
                    }
                    assertThat(MerkleTree.reduceLevels(level, width, levels, hasher))
                            .isEqualTo(1);
                    System.arraycopy(level, 0, nodes, b * 32, 32);
                }
                assertThat(MerkleTree.reduce(nodes, blocks, hasher))
                        .as("%d leaves in blocks of %d", count, block)
                        .isEqualTo(root);
            }
        }
    }

    @Test
    void aProofForEveryLeafLeadsToTheRootAndNowhereElse() {
        for (int count = 1; count <= 40; count++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                leaves.add(new byte[] {(byte) i, 7});
            }
            byte[] root = MerkleTree.root(leaves);
            for (int i = 0; i < count; i++) {
                MerkleProof proof = MerkleTree.proof(leaves, i);

                assertThat(proof.path()).hasSize(MerkleProof.pathLength(count));
                assertThat(proof.verifies(root, count, leaves.get(i), i)).isTrue();
                assertThat(proof.computeRoot(leaves.get(i), i)).isEqualTo(root);
                assertThat(proof.verifies(root, count, new byte[] {(byte) i, 8}, i))
                        .isFalse();
                assertThat(proof.verifies(root, 2 * count + 1, leaves.get(i), i))
                        .isFalse();
                if (count > 1) {
                    assertThat(proof.verifies(root, count, leaves.get(i), i ^ 1))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void aProofPathIsTheSiblingsFromTheLeafUpWithEmptyNodesPastOddEnds() {
        byte[][] five = {{1}, {2}, {3}, {4}, {5}};
        byte[] empty = new byte[32];

        MerkleProof proof = MerkleTree.proof(List.of(five), 4);

        assertThat(proof.path())
                .containsExactly(
                        empty, empty, inner(inner(leaf(five[0]), leaf(five[1])), inner(leaf(five[2]), leaf(five[3]))));
        assertThat(MerkleProof.pathLength(1)).isZero();
        assertThat(MerkleProof.pathLength(2)).isEqualTo(1);
        assertThat(MerkleProof.pathLength(1000)).isEqualTo(10);
        assertThat(MerkleProof.pathLength(1024)).isEqualTo(10);
        assertThat(MerkleProof.pathLength(1025)).isEqualTo(11);
    }

    @Test
    void ourBlake2bMatchesBouncyCastleForAllLengthsAroundBlockBoundaries() {
        Blake2b256 ours = new Blake2b256();
        byte[] data = new byte[600];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + 3);
        }
        for (int len = 0; len <= 300; len++) {
            byte[] out = new byte[32];
            ours.hash((byte) 1, data, 5, len, out, 0);
            assertThat(out).isEqualTo(blake2b(new byte[] {1}, Arrays.copyOfRange(data, 5, 5 + len)));
        }
    }
}
