package dev.walrussync.walrus.node;

import java.util.Objects;

/** The BCS struct {@code SliverPairMetadata { primary_hash, secondary_hash }}: the two sliver hashes of one pair. */
public record SliverPairMetadata(MerkleNode primaryHash, MerkleNode secondaryHash) {
    public SliverPairMetadata {
        Objects.requireNonNull(primaryHash, "primaryHash");
        Objects.requireNonNull(secondaryHash, "secondaryHash");
    }

    void write(Bcs.Writer out) {
        primaryHash.write(out);
        secondaryHash.write(out);
    }

    static SliverPairMetadata read(Bcs.Reader in) {
        MerkleNode primary = MerkleNode.read(in);
        MerkleNode secondary = MerkleNode.read(in);
        return new SliverPairMetadata(primary, secondary);
    }
}
