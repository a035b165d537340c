package dev.walrussync.walrus.encoding;

import java.util.Objects;

/**
 * Rotation of sliver pairs onto shards for one blob: {@code shard = (pair + offset) mod n} with {@code offset =
 * blob ID bytes read as a big-endian integer, mod n}.
 */
public final class ShardMapping {
    private final int nShards;
    private final int offset;

    private ShardMapping(int nShards, int offset) {
        this.nShards = nShards;
        this.offset = offset;
    }

    /** The mapping of the given blob's sliver pairs onto {@code nShards} shards. */
    public static ShardMapping of(BlobId blobId, int nShards) {
        Objects.requireNonNull(blobId, "blobId");
        if (nShards < 1) {
            throw new IllegalArgumentException("need at least one shard, got " + nShards);
        }
        return new ShardMapping(nShards, rotationOffset(blobId, nShards));
    }

    /** The blob ID bytes as a big-endian integer, modulo n. */
    public static int rotationOffset(BlobId blobId, int nShards) {
        long acc = 0;
        for (byte b : blobId.rawBytes()) {
            acc = (acc * 256 + (b & 0xFF)) % nShards;
        }
        return (int) acc;
    }

    public int nShards() {
        return nShards;
    }

    public int rotationOffset() {
        return offset;
    }

    /** The shard that stores sliver pair {@code pairIndex}. */
    public int shardIndex(int pairIndex) {
        Objects.checkIndex(pairIndex, nShards);
        return (pairIndex + offset) % nShards;
    }

    /** The sliver pair stored on shard {@code shardIndex}. */
    public int pairIndex(int shardIndex) {
        Objects.checkIndex(shardIndex, nShards);
        return (nShards + shardIndex - offset) % nShards;
    }
}
