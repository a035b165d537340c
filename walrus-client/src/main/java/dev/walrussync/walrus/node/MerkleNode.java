package dev.walrussync.walrus.node;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** The BCS enum {@code MerkleNode { Empty, Digest([u8; 32]) }} used for sliver hashes in blob metadata. */
public final class MerkleNode {
    /** Length of a digest in bytes. */
    public static final int DIGEST_LENGTH = 32;

    private static final int VARIANT_EMPTY = 0;
    private static final int VARIANT_DIGEST = 1;
    private static final MerkleNode EMPTY = new MerkleNode(null);

    private final byte[] digest;

    private MerkleNode(byte[] digest) {
        this.digest = digest;
    }

    /** The {@code Empty} variant. */
    public static MerkleNode empty() {
        return EMPTY;
    }

    /** The {@code Digest} variant holding a copy of a 32-byte digest. */
    public static MerkleNode digest(byte[] digest) {
        Objects.requireNonNull(digest, "digest");
        if (digest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("a Merkle digest has 32 bytes, got " + digest.length);
        }
        return new MerkleNode(digest.clone());
    }

    public boolean isEmpty() {
        return digest == null;
    }

    /**
     * A copy of the digest.
     *
     * @throws IllegalStateException for the empty node
     */
    public byte[] digestBytes() {
        if (digest == null) {
            throw new IllegalStateException("the empty Merkle node has no digest");
        }
        return digest.clone();
    }

    void write(BcsWriter out) {
        if (digest == null) {
            out.uleb128(VARIANT_EMPTY);
        } else {
            out.uleb128(VARIANT_DIGEST).fixedBytes(digest);
        }
    }

    static MerkleNode read(BcsReader in) {
        int variant = (int) in.uleb128();
        return switch (variant) {
            case VARIANT_EMPTY -> EMPTY;
            case VARIANT_DIGEST -> new MerkleNode(in.fixedBytes(DIGEST_LENGTH));
            default -> throw new IllegalArgumentException("unknown Merkle node variant " + variant);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MerkleNode other && Arrays.equals(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return digest == null ? "Empty" : "Digest(" + HexFormat.of().formatHex(digest) + ")";
    }
}
