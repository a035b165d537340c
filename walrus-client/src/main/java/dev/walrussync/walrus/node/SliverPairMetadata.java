package dev.walrussync.walrus.node;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.Objects;

/** The BCS struct {@code SliverPairMetadata { primary_hash, secondary_hash }}: the two sliver hashes of one pair. */
public record SliverPairMetadata(MerkleNode primaryHash, MerkleNode secondaryHash) {
    public SliverPairMetadata {
        Objects.requireNonNull(primaryHash, "primaryHash");
        Objects.requireNonNull(secondaryHash, "secondaryHash");
    }

    void write(BcsWriter out) {
        primaryHash.write(out);
        secondaryHash.write(out);
    }

    static SliverPairMetadata read(BcsReader in) {
        MerkleNode primary = MerkleNode.read(in);
        MerkleNode secondary = MerkleNode.read(in);
        return new SliverPairMetadata(primary, secondary);
    }
}
