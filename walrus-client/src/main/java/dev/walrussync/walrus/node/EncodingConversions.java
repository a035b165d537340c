package dev.walrussync.walrus.node;

import dev.walrussync.walrus.encoding.BlobId;
import dev.walrussync.walrus.encoding.Sliver;
import dev.walrussync.walrus.encoding.SliverType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Converts between the wire types of this package and the validated types of {@link dev.walrussync.walrus.encoding}.
 *
 * <p>Wire to encoding conversions apply the checks a storage node applies to uploads: only RS2, no empty Merkle
 * nodes, and (for {@link BlobMetadataWithId}) the metadata must hash to the blob ID it carries.
 */
public final class EncodingConversions {
    private EncodingConversions() {}

    /** The wire form of validated metadata. */
    public static BlobMetadata toWire(dev.walrussync.walrus.encoding.BlobMetadata metadata) {
        Objects.requireNonNull(metadata, "metadata");
        List<SliverPairMetadata> hashes = new ArrayList<>(metadata.nShards());
        for (dev.walrussync.walrus.encoding.SliverPairMetadata pair : metadata.hashes()) {
            hashes.add(new SliverPairMetadata(
                    MerkleNode.digest(pair.primaryHash()), MerkleNode.digest(pair.secondaryHash())));
        }
        return new BlobMetadata(EncodingType.RS2, metadata.unencodedLength(), hashes);
    }

    /** The wire form of validated metadata together with its blob ID. */
    public static BlobMetadataWithId toWireWithId(dev.walrussync.walrus.encoding.BlobMetadata metadata) {
        return new BlobMetadataWithId(metadata.blobId(), toWire(metadata));
    }

    /**
     * Validates wire metadata: RS2 encoding, digests for every sliver hash, a non-negative length.
     *
     * @throws IllegalArgumentException if any check fails
     */
    public static dev.walrussync.walrus.encoding.BlobMetadata toEncoding(BlobMetadata metadata) {
        Objects.requireNonNull(metadata, "metadata");
        if (metadata.encodingType() != EncodingType.RS2) {
            throw new IllegalArgumentException("unsupported encoding type " + metadata.encodingType());
        }
        if (metadata.unencodedLength() < 0) {
            throw new IllegalArgumentException(
                    "unencoded length " + Long.toUnsignedString(metadata.unencodedLength()) + " is too large");
        }
        List<dev.walrussync.walrus.encoding.SliverPairMetadata> hashes = new ArrayList<>(metadata.nShards());
        for (int i = 0; i < metadata.nShards(); i++) {
            SliverPairMetadata pair = metadata.hashes().get(i);
            if (pair.primaryHash().isEmpty() || pair.secondaryHash().isEmpty()) {
                throw new IllegalArgumentException("sliver pair " + i + " has an empty Merkle node");
            }
            hashes.add(dev.walrussync.walrus.encoding.SliverPairMetadata.of(
                    pair.primaryHash().digestBytes(), pair.secondaryHash().digestBytes()));
        }
        return dev.walrussync.walrus.encoding.BlobMetadata.of(metadata.unencodedLength(), hashes);
    }

    /**
     * Validates wire metadata as {@link #toEncoding(BlobMetadata)} does and checks that it hashes to the blob ID it
     * carries.
     *
     * @throws IllegalArgumentException if any check fails
     */
    public static dev.walrussync.walrus.encoding.BlobMetadata toEncoding(BlobMetadataWithId metadata) {
        dev.walrussync.walrus.encoding.BlobMetadata validated = toEncoding(metadata.metadata());
        BlobId derived = validated.blobId();
        if (!derived.equals(metadata.blobId())) {
            throw new IllegalArgumentException("metadata hashes to blob ID " + derived + ", not " + metadata.blobId());
        }
        return validated;
    }

    /** The wire form of a sliver (its type is not part of it). */
    public static SliverData toWire(Sliver sliver) {
        Objects.requireNonNull(sliver, "sliver");
        return SliverData.of(sliver.index(), sliver.symbolSize(), sliver.data());
    }

    /** The sliver of the given type (taken from the route) with the wire sliver's index and symbols. */
    public static Sliver toEncoding(SliverData sliver, SliverType type) {
        Objects.requireNonNull(sliver, "sliver");
        return Sliver.of(type, sliver.index(), sliver.symbolSize(), sliver.data());
    }
}
